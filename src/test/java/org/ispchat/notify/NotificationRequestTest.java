package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationRequestTest {

  static JsonObject json(String text) {
    try (var r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }

  static final String SEED =
      "{\"phone_number\": \"254712345678\", \"customer_name\": \"John Doe\", \"amount\": 1500.00,"
          + " \"currency\": \"KES\", \"invoice_id\": \"INV-001\", \"due_date\": \"2026-02-15\","
          + " \"message_type\": \"payment_reminder\"}";

  @Test
  void readsTheSeedGuidesRequest() {
    NotificationRequest r = NotificationRequest.from(json(SEED), "LY");
    assertEquals("254712345678", r.phone());
    assertEquals("John Doe", r.customerName());
    assertEquals(0, new BigDecimal("1500").compareTo(r.amount()));
    assertEquals("KES", r.currency());
    assertEquals("INV-001", r.invoiceId());
    assertEquals(Optional.of(LocalDate.parse("2026-02-15")), r.dueDate());
    assertEquals(MessageType.PAYMENT_REMINDER, r.type());
  }

  @Test
  void acceptsPlusSpacesDashesNumericStringsAndUnknownFields() {
    NotificationRequest r =
        NotificationRequest.from(
            json(
                "{\"phone_number\": \"+254 712-345-678\", \"customer_name\": \" Jane \","
                    + " \"amount\": \"1,500.5\", \"currency\": \"kes\", \"invoice_id\": 42,"
                    + " \"message_type\": \"OVERDUE\", \"extra\": {\"x\": 1}, \"due_date\": null}"),
            "LY");
    assertEquals("254712345678", r.phone());
    assertEquals("Jane", r.customerName());
    assertEquals(new BigDecimal("1500.5"), r.amount());
    assertEquals("KES", r.currency());
    assertEquals("42", r.invoiceId());
    assertEquals(Optional.empty(), r.dueDate());
    assertEquals(MessageType.OVERDUE, r.type());
  }

  @Test
  void aLocalNumberIsReadInTheIspsRegion() {
    NotificationRequest r =
        NotificationRequest.from(json(SEED.replace("254712345678", "091-234-5678")), "LY");
    assertEquals("218912345678", r.phone());
  }

  @Test
  void eachBadFieldIsNamed() {
    assertBad("phone_number is required.", SEED.replace("\"254712345678\"", "\"\""));
    assertBad("is not a valid phone number", SEED.replace("254712345678", "12"));
    assertBad("customer_name is required.", SEED.replace("\"John Doe\"", "null"));
    assertBad("customer_name must be a string.", SEED.replace("\"John Doe\"", "7"));
    assertBad("amount is required.", SEED.replace("\"amount\": 1500.00,", ""));
    assertBad("amount 'lots' is not a number.", SEED.replace("1500.00", "\"lots\""));
    assertBad("amount must not be negative.", SEED.replace("1500.00", "-1"));
    assertBad("amount must be a number", SEED.replace("1500.00", "true"));
    assertBad("currency 'XYZ' is not an ISO 4217 code", SEED.replace("KES", "XYZ"));
    assertBad("currency is longer than 3", SEED.replace("KES", "KESH"));
    assertBad("invoice_id is required.", SEED.replace("\"INV-001\"", "\" \""));
    assertBad(
        "due_date '15/02/2026' is not an ISO 8601 date", SEED.replace("2026-02-15", "15/02/2026"));
    assertBad(
        "message_type 'reminder' is not one of payment_reminder, invoice, overdue, confirmation.",
        SEED.replace("payment_reminder", "reminder"));
    assertBad(
        "message_type is required.", SEED.replace(", \"message_type\": \"payment_reminder\"", ""));
    assertBad("invoice_id is longer than 200", SEED.replace("INV-001", "x".repeat(201)));
  }

  @Test
  void aDateTimeDueDateKeepsItsDate() {
    NotificationRequest r =
        NotificationRequest.from(json(SEED.replace("2026-02-15", "2026-02-15T10:00:00Z")), "LY");
    assertEquals(Optional.of(LocalDate.parse("2026-02-15")), r.dueDate());
  }

  private static void assertBad(String expected, String body) {
    BadRequest e = assertThrows(BadRequest.class, () -> NotificationRequest.from(json(body), "LY"));
    assertTrue(e.getMessage().contains(expected), e.getMessage() + " should say " + expected);
  }
}
