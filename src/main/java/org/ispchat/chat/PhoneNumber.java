package org.ispchat.chat;

import java.util.Optional;

/**
 * How a person typed by an admin (a phone number with spaces, a plus, dashes or brackets) becomes
 * the sender id a channel uses: international digits, as WhatsApp reports them ({@code wa_id}).
 */
public final class PhoneNumber {

  private PhoneNumber() {}

  /**
   * The number's characters without {@code + - ( )} and white space; empty when nothing is left.
   */
  public static Optional<String> asSender(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String sender = typed.replaceAll("[\\s+()\\-]", "");
    return sender.isEmpty() ? Optional.empty() : Optional.of(sender);
  }
}
