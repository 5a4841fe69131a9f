package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ispchat.chat.TemplateDraft;
import org.ispchat.chat.TemplateSubmission;
import org.junit.jupiter.api.Test;

class TemplateSetupTest {

  @Test
  void defaultDraftsCarryTheBodyAndOneExamplePerPlaceholder() {
    TemplateDraft reminder = TemplateSetup.draft(MessageType.PAYMENT_REMINDER, "en");
    assertEquals("ispchat_payment_reminder", reminder.name());
    assertEquals("en", reminder.language());
    assertEquals(
        NoticeWording.defaultTemplateBody(MessageType.PAYMENT_REMINDER, "en"), reminder.body());
    assertEquals(List.of("John Doe", "KES 1,500.00", "INV-001", "2026-02-15"), reminder.examples());

    TemplateDraft confirmation = TemplateSetup.draft(MessageType.CONFIRMATION, "ar");
    assertEquals("ar", confirmation.language());
    assertEquals(3, confirmation.examples().size());
  }

  @Test
  void mappingWithTheWrongParameterCountIsFlagged() {
    TemplateSetup.Entry entry =
        new TemplateSetup.Entry(
            MessageType.INVOICE,
            "en",
            "text",
            false,
            "my_invoice",
            "en",
            List.of("customer_name", "amount"),
            3,
            "APPROVED",
            Instant.EPOCH);
    assertTrue(entry.problem().orElseThrow().contains("takes 3 parameter(s) but 2 are mapped"));
    JsonObject json = NoticeTemplateResource.entry(entry).build();
    assertFalse(json.getBoolean("parameters_match"));
    assertTrue(json.containsKey("problem"));
  }

  @Test
  void defaultWordingNeedsNoFix() {
    NoticeTemplates.Wording w = NoticeTemplates.merge(Optional.empty(), MessageType.OVERDUE, "ar");
    TemplateSetup.Entry entry =
        new TemplateSetup.Entry(
            MessageType.OVERDUE,
            "ar",
            w.text(),
            false,
            w.templateName(),
            w.templateLanguage(),
            w.parameters(),
            w.parameterCount(),
            null,
            null);
    assertTrue(entry.problem().isEmpty());
    JsonObject json = NoticeTemplateResource.entry(entry).build();
    assertEquals("ispchat_overdue", json.getString("template_name"));
    assertEquals(3, json.getInt("parameter_count"));
    assertTrue(json.isNull("approval_status"));
  }

  @Test
  void summaryCountsEachOutcome() {
    JsonObject summary =
        NoticeTemplateResource.summary(
            "default",
            List.of(
                new TemplateSetup.Submission(
                    "ispchat_invoice", "en", new TemplateSubmission.Submitted("7", "PENDING")),
                new TemplateSetup.Submission(
                    "ispchat_invoice", "ar", new TemplateSubmission.AlreadyExists("there")),
                new TemplateSetup.Submission(
                    "ispchat_overdue", "en", new TemplateSubmission.Refused("190", "expired"))));
    assertEquals(1, summary.getInt("submitted"));
    assertEquals(1, summary.getInt("already_exists"));
    assertEquals(1, summary.getInt("errors"));
    JsonObject first = summary.getJsonArray("templates").getJsonObject(0);
    assertEquals("submitted", first.getString("outcome"));
    assertEquals("UTILITY", first.getString("category"));
    assertEquals("error", summary.getJsonArray("templates").getJsonObject(2).getString("outcome"));
  }
}
