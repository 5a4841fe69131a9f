package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.ispchat.chat.TemplateAccountFailure;
import org.ispchat.chat.TemplateDraft;
import org.ispchat.chat.TemplateState;
import org.ispchat.chat.TemplateSubmission;
import org.junit.jupiter.api.Test;

class WhatsAppTemplatesTest {

  private static String error(int code, Integer subcode, String userMessage) {
    return "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":"
        + code
        + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
        + (userMessage == null ? "" : ",\"error_user_msg\":\"" + userMessage + "\"")
        + ",\"fbtrace_id\":\"AbC\"}}";
  }

  @Test
  void draftBecomesAUtilityTemplateWithItsBodyAndOneExampleRow() {
    JsonObject body =
        WhatsAppTemplates.toGraph(
            new TemplateDraft(
                "ispchat_overdue",
                "ar",
                "عزيزنا {{1}} {{2}} {{3}}",
                List.of("John Doe", "KES 1,500.00", "INV-001")));
    JsonObject expected =
        Json.createReader(
                new StringReader(
                    "{\"name\":\"ispchat_overdue\",\"language\":\"ar\",\"category\":\"UTILITY\","
                        + "\"components\":[{\"type\":\"BODY\",\"text\":\"عزيزنا {{1}} {{2}} {{3}}\","
                        + "\"example\":{\"body_text\":[[\"John Doe\",\"KES 1,500.00\",\"INV-001\"]]}}]}"))
            .readObject();
    assertEquals(expected, body);
  }

  @Test
  void bodyWithoutPlaceholdersCarriesNoExample() {
    JsonObject body =
        WhatsAppTemplates.toGraph(new TemplateDraft("hello", "en", "Hello", List.of()));
    assertTrue(!body.getJsonArray("components").getJsonObject(0).containsKey("example"));
  }

  @Test
  void createdTemplateIsSubmittedWithItsIdAndStatus() {
    assertEquals(
        new TemplateSubmission.Submitted("594425479261596", "PENDING"),
        WhatsAppTemplates.submission(
            200, "{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}"));
  }

  @Test
  void contentInThisLanguageAlreadyExistsIsNotAnError() {
    TemplateSubmission s =
        WhatsAppTemplates.submission(
            400, error(100, 2388024, "Content in this language already exists"));
    assertInstanceOf(TemplateSubmission.AlreadyExists.class, s);
    assertTrue(((TemplateSubmission.AlreadyExists) s).detail().contains("already exists"));
  }

  @Test
  void expiredTokenIsRefusedInPlainWords() {
    TemplateSubmission s = WhatsAppTemplates.submission(401, error(190, 463, null));
    TemplateSubmission.Refused r = assertInstanceOf(TemplateSubmission.Refused.class, s);
    assertEquals("190/463", r.code());
    assertTrue(r.detail().startsWith("The WhatsApp access token has expired"), r.detail());
    assertTrue(r.detail().contains("fbtrace_id AbC"), r.detail());
  }

  @Test
  void wrongAccountIdSaysSo() {
    TemplateSubmission.Refused r =
        assertInstanceOf(
            TemplateSubmission.Refused.class,
            WhatsAppTemplates.submission(400, error(100, 33, null)));
    assertTrue(r.detail().contains("Business Account id is wrong"), r.detail());
  }

  @Test
  void invalidTemplateKeepsMetasWordsForUsers() {
    TemplateSubmission.Refused r =
        assertInstanceOf(
            TemplateSubmission.Refused.class,
            WhatsAppTemplates.submission(
                400, error(100, 2388043, "Variables can't be at the end")));
    assertEquals(
        "WhatsApp refused the template as invalid. (WhatsApp: Variables can't be at the end"
            + " (fbtrace_id AbC))",
        r.detail());
  }

  @Test
  void gatewayErrorWithoutGraphBodyIsRefusedWithTheStatus() {
    TemplateSubmission.Refused r =
        assertInstanceOf(
            TemplateSubmission.Refused.class, WhatsAppTemplates.submission(502, "<html>"));
    assertEquals("http-502", r.code());
  }

  @Test
  void listingKeepsOnlyTheAskedNamesWithStatusAndBody() {
    String body =
        "{\"data\":[{\"name\":\"ispchat_invoice\",\"language\":\"en\",\"status\":\"APPROVED\","
            + "\"category\":\"UTILITY\",\"components\":[{\"type\":\"HEADER\",\"format\":\"TEXT\","
            + "\"text\":\"Hi\"},{\"type\":\"BODY\",\"text\":\"Dear {{1}} {{2}} {{3}} {{4}}\"}],"
            + "\"id\":\"1\"},{\"name\":\"ispchat_invoice_old\",\"language\":\"en\","
            + "\"status\":\"REJECTED\",\"components\":[]}],\"paging\":{\"cursors\":"
            + "{\"before\":\"MAZDZD\",\"after\":\"MAZDZD\"}}}";
    assertEquals(
        List.of(
            new TemplateState("ispchat_invoice", "en", "APPROVED", "Dear {{1}} {{2}} {{3}} {{4}}")),
        WhatsAppTemplates.states(200, body, List.of("ispchat_invoice")));
  }

  @Test
  void listingRefusedBecomesAFailureInPlainWords() {
    TemplateAccountFailure f =
        assertThrows(
            TemplateAccountFailure.class,
            () -> WhatsAppTemplates.states(403, error(200, null, null), List.of("x")));
    assertTrue(f.getMessage().contains("whatsapp_business_management"), f.getMessage());
  }
}
