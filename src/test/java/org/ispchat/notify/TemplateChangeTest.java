package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateChangeTest {

  private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

  private static NoticeTemplate row() {
    return new NoticeTemplate("default", MessageType.INVOICE, "en", NOW);
  }

  @Test
  void textWithEveryFieldIsTakenWithoutWarnings() {
    TemplateChange c =
        TemplateChange.parse(
            "{\"text\":\"Hi {customer_name}, invoice #{invoice_id} of {amount} due {due_date}\"}");
    NoticeTemplate row = row();
    c.applyTo(row, NOW);
    assertEquals(
        "Hi {customer_name}, invoice #{invoice_id} of {amount} due {due_date}", row.text());
    assertEquals(List.of(), c.warnings());
    assertNull(row.templateName(), "a text change leaves the template alone");
  }

  @Test
  void textWithoutTheAmountIsTakenWithAWarning() {
    TemplateChange c = TemplateChange.parse("{\"text\":\"Hi {customer_name}, see #{invoice_id}\"}");
    assertEquals(1, c.warnings().size());
    assertTrue(c.warnings().get(0).contains("{amount}"), c.warnings().get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"text\":\"\"}", "{\"text\":null}"})
  void emptyTextGoesBackToTheDefault(String body) {
    NoticeTemplate row = row();
    row.reword("mine {customer_name}", NOW);
    TemplateChange.parse(body).applyTo(row, NOW);
    assertNull(row.text());
  }

  @Test
  void placeholderNoRequestFillsIsRefused() {
    BadRequest e =
        assertThrows(BadRequest.class, () -> TemplateChange.parse("{\"text\":\"Hi {name}\"}"));
    assertTrue(e.getMessage().contains("{name}"), e.getMessage());
  }

  @Test
  void unknownParameterFieldIsRefused() {
    BadRequest e =
        assertThrows(
            BadRequest.class,
            () -> TemplateChange.parse("{\"parameters\":[\"customer_name\",\"balance\"]}"));
    assertTrue(e.getMessage().contains("balance"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"colour\":\"red\"}",
        "{\"template_name\":\"My Template\"}",
        "{\"template_language\":\"english\"}",
        "{\"parameter_count\":-1}",
        "{\"parameter_count\":2.5}",
        "{\"parameters\":\"customer_name\"}",
        "{\"text\":5}",
        "[]",
        "not json",
        ""
      })
  void malformedChangesAreRefused(String body) {
    assertThrows(BadRequest.class, () -> TemplateChange.parse(body));
  }

  @Test
  void templateMappingKeepsWhatTheBodyLeavesOut() {
    NoticeTemplate row = row();
    TemplateChange.parse(
            "{\"template_name\":\"my_invoice\",\"template_language\":\"en_US\","
                + "\"parameters\":[\"customer_name\",\"amount\"],\"parameter_count\":3}")
        .applyTo(row, NOW);
    TemplateChange.parse("{\"parameter_count\":2}").applyTo(row, NOW);
    assertEquals("my_invoice", row.templateName());
    assertEquals("en_US", row.templateLanguage());
    assertEquals(List.of("customer_name", "amount"), row.parameters());
    assertEquals(2, row.parameterCount());
  }

  @Test
  void nullMappingGoesBackToTheDefaultTemplate() {
    NoticeTemplate row = row();
    TemplateChange.parse("{\"template_name\":\"my_invoice\",\"parameters\":[\"amount\"]}")
        .applyTo(row, NOW);
    TemplateChange.parse("{\"template_name\":null,\"parameters\":null}").applyTo(row, NOW);
    assertNull(row.templateName());
    assertNull(row.parameters());
  }
}
