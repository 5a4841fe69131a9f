package org.ispchat.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer message as a channel parsed it from the wire, before it is stored.
 *
 * @param businessNumber our number the message was sent to (WhatsApp phone number id)
 * @param sentAt when the person sent it, per the provider's timestamp: the processing order
 */
public record IncomingMessage(
    ChannelType channel,
    String providerMessageId,
    String businessNumber,
    String sender,
    String senderName,
    InboundKind kind,
    String text,
    String choiceId,
    Instant sentAt) {

  public IncomingMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sentAt, "sentAt");
    requireText(providerMessageId, "provider message id");
    requireText(businessNumber, "business number");
    requireText(sender, "sender");
  }

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }
}
