package org.ispchat.notify;

import java.util.Locale;
import java.util.Optional;

/** The four billing notices of the contract. Stored by name: never rename a constant. */
public enum MessageType {
  /** Before the due date. */
  PAYMENT_REMINDER,
  /** A new invoice was generated. */
  INVOICE,
  /** After the due date. */
  OVERDUE,
  /** Payment received. */
  CONFIRMATION;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MessageType> fromWire(String value) {
    for (MessageType t : values()) {
      if (t.wire().equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** {@code payment_reminder, invoice, overdue, confirmation}: for error messages. */
  public static String listed() {
    return String.join(", ", java.util.Arrays.stream(values()).map(MessageType::wire).toList());
  }
}
