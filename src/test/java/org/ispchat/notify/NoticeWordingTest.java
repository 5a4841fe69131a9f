package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ispchat.chat.Reply;
import org.junit.jupiter.api.Test;

class NoticeWordingTest {

  static NotificationRequest request(MessageType type, boolean withDueDate) {
    return new NotificationRequest(
        "254712345678",
        "John Doe",
        new BigDecimal("1500.00"),
        "KES",
        "INV-001",
        withDueDate ? Optional.of(java.time.LocalDate.parse("2026-02-15")) : Optional.empty(),
        type);
  }

  @Test
  void amountsCarryTheCodeSeparatorsAndTwoDecimals() {
    assertEquals("KES 1,500.00", Amounts.format(new BigDecimal("1500"), "KES"));
    assertEquals("LYD 47.50", Amounts.format(new BigDecimal("47.5"), "LYD"));
    assertEquals("LYD 12.345", Amounts.format(new BigDecimal("12.345"), "LYD"));
    assertEquals("USD 1,234,567.89", Amounts.format(new BigDecimal("1234567.89"), "USD"));
  }

  @Test
  void everyDefaultTextNamesCustomerAmountAndInvoice() {
    for (MessageType type : MessageType.values()) {
      for (String language : List.of("en", "ar")) {
        String text =
            NoticeWording.fill(
                NoticeWording.defaultText(type, language),
                NoticeWording.values(request(type, true)));
        assertTrue(text.contains("John Doe"), type + "/" + language);
        assertTrue(text.contains("KES 1,500.00"), type + "/" + language);
        assertTrue(text.contains("#INV-001"), type + "/" + language);
        assertFalse(text.contains("{"), "no placeholder left: " + text);
      }
    }
  }

  @Test
  void theReminderReadsAsTheContractDescribesIt() {
    String text =
        NoticeWording.fill(
            NoticeWording.defaultText(MessageType.PAYMENT_REMINDER, "en"),
            NoticeWording.values(request(MessageType.PAYMENT_REMINDER, true)));
    assertEquals(
        "*Payment Due Reminder*\n\nDear John Doe,\nThis is a friendly reminder that your payment of"
            + " KES 1,500.00 is due.\nInvoice: #INV-001\nDue date: 2026-02-15\n\nPlease ignore if"
            + " already paid.",
        text);
  }

  @Test
  void withoutADueDateItsLineIsLeftOut() {
    String text =
        NoticeWording.fill(
            NoticeWording.defaultText(MessageType.INVOICE, "en"),
            NoticeWording.values(request(MessageType.INVOICE, false)));
    assertFalse(text.contains("Due date"), text);
  }

  @Test
  void defaultTemplatesTakeFourOrThreeParameters() {
    assertEquals(4, NoticeWording.defaultParameters(MessageType.PAYMENT_REMINDER).size());
    assertEquals(4, NoticeWording.defaultParameters(MessageType.INVOICE).size());
    assertEquals(3, NoticeWording.defaultParameters(MessageType.OVERDUE).size());
    assertEquals(3, NoticeWording.defaultParameters(MessageType.CONFIRMATION).size());
    for (MessageType type : MessageType.values()) {
      assertEquals(
          NoticeWording.placeholders(NoticeWording.defaultTemplateBody(type, "en")),
          NoticeWording.placeholders(NoticeWording.defaultTemplateBody(type, "ar")),
          "the Arabic template takes what the English one takes: " + type);
    }
  }

  @Test
  void aTemplateIsFilledInOrderAndAMissingDueDateSaysNotStated() {
    NoticeTemplates.Wording w =
        NoticeTemplates.merge(Optional.empty(), MessageType.PAYMENT_REMINDER, "en");
    Reply.Template t =
        new NoticeTemplates().asTemplate(w, request(MessageType.PAYMENT_REMINDER, false), "en");
    assertEquals("ispchat_payment_reminder", t.name());
    assertEquals("en", t.language());
    assertEquals(List.of("John Doe", "KES 1,500.00", "INV-001", "not stated"), t.parameters());
    assertTrue(t.text().contains("Payment Due Reminder"), "the text stands in where needed");
  }

  @Test
  void aMappingThatDoesNotFitTheTemplateIsRefusedBeforeSending() {
    NoticeTemplate stored =
        new NoticeTemplate("default", MessageType.INVOICE, "en", java.time.Instant.EPOCH);
    stored.useTemplate(
        "acme_invoice",
        "en_US",
        List.of("customer_name", "amount", "invoice_id"),
        4,
        java.time.Instant.EPOCH);
    NoticeTemplates.Wording w =
        NoticeTemplates.merge(Optional.of(stored), MessageType.INVOICE, "en");
    TemplateMismatch e =
        assertThrows(
            TemplateMismatch.class,
            () -> new NoticeTemplates().asTemplate(w, request(MessageType.INVOICE, true), "en"));
    assertTrue(e.getMessage().contains("takes 4 parameter(s) but 3 are mapped"), e.getMessage());
  }

  @Test
  void unknownFieldsCannotBeMapped() {
    NoticeTemplate stored =
        new NoticeTemplate("default", MessageType.INVOICE, "en", java.time.Instant.EPOCH);
    assertThrows(
        IllegalArgumentException.class,
        () -> stored.useTemplate("x", "en", List.of("balance"), 1, java.time.Instant.EPOCH));
  }
}
