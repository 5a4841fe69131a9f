package org.ispchat.notify;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.ispchat.chat.PhoneNumber;

/**
 * One {@code send-notification} body, validated and normalised. Read leniently where billing
 * systems differ (a phone number with {@code +}, spaces or dashes; an amount or invoice id sent as
 * a number or a numeric string; unknown fields) and strictly where a wrong guess would mislead a
 * customer (a currency that is no ISO 4217 code, a date that is no date).
 *
 * @param phone international digits, as WhatsApp's {@code wa_id}
 * @param dueDate absent when not sent
 */
public record NotificationRequest(
    String phone,
    String customerName,
    BigDecimal amount,
    String currency,
    String invoiceId,
    Optional<LocalDate> dueDate,
    MessageType type) {

  static final int NAME_MAX = 200;
  static final int INVOICE_MAX = 200;
  static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999999");

  /** Reads and checks a request body; throws {@link BadRequest} naming the first bad field. */
  public static NotificationRequest from(JsonObject body, String phoneRegion) {
    String typedPhone = text(body, "phone_number", true, 64);
    String phone =
        PhoneNumber.international(typedPhone, phoneRegion)
            .orElseThrow(
                () ->
                    new BadRequest(
                        "phone_number '"
                            + typedPhone
                            + "' is not a valid phone number: send the country code and number,"
                            + " e.g. 254712345678"));
    String name = text(body, "customer_name", true, NAME_MAX);
    BigDecimal amount = amount(body);
    String currency = currency(body);
    String invoice = text(body, "invoice_id", true, INVOICE_MAX);
    Optional<LocalDate> due =
        Optional.ofNullable(text(body, "due_date", false, 40)).map(d -> date(d));
    String typed = text(body, "message_type", true, 40);
    MessageType type =
        MessageType.fromWire(typed.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new BadRequest(
                        "message_type '"
                            + typed
                            + "' is not one of "
                            + MessageType.listed()
                            + "."));
    return new NotificationRequest(phone, name, amount, currency, invoice, due, type);
  }

  private static String text(JsonObject body, String field, boolean required, int max) {
    JsonValue value = body.get(field);
    String text;
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      text = null;
    } else if (value instanceof JsonString s) {
      text = s.getString().strip();
    } else if (value instanceof JsonNumber n && !field.equals("customer_name")) {
      // Billing systems that keep invoice numbers or phones as integers send them unquoted.
      text = n.bigDecimalValue().toPlainString();
    } else {
      throw new BadRequest(field + " must be a string.");
    }
    if (text == null || text.isEmpty()) {
      if (required) {
        throw new BadRequest(field + " is required.");
      }
      return null;
    }
    if (text.length() > max) {
      throw new BadRequest(field + " is longer than " + max + " characters.");
    }
    return text;
  }

  private static BigDecimal amount(JsonObject body) {
    JsonValue value = body.get("amount");
    BigDecimal amount;
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new BadRequest("amount is required.");
    } else if (value instanceof JsonNumber n) {
      amount = n.bigDecimalValue();
    } else if (value instanceof JsonString s) {
      try {
        amount = new BigDecimal(s.getString().strip().replace(",", ""));
      } catch (NumberFormatException e) {
        throw new BadRequest("amount '" + s.getString() + "' is not a number.");
      }
    } else {
      throw new BadRequest("amount must be a number, e.g. 1500.00.");
    }
    if (amount.signum() < 0) {
      throw new BadRequest("amount must not be negative.");
    }
    if (amount.compareTo(AMOUNT_MAX) > 0 || amount.scale() > 4) {
      throw new BadRequest("amount is out of range (at most 15 digits and 4 decimals).");
    }
    return amount;
  }

  private static String currency(JsonObject body) {
    String code = text(body, "currency", true, 3).toUpperCase(Locale.ROOT);
    try {
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("currency '" + code + "' is not an ISO 4217 code (e.g. KES, LYD, USD).");
    }
  }

  private static LocalDate date(String text) {
    try {
      // ISO 8601: a date, or a date-time of which the date is taken.
      return LocalDate.parse(
          text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadRequest("due_date '" + text + "' is not an ISO 8601 date (YYYY-MM-DD).");
    }
  }
}
