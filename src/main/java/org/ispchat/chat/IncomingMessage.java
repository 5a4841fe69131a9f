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

  /**
   * The longest provider message id kept (Meta's are at most 128 characters). The id is the
   * duplicate key, so it is stored whole or not at all: a clipped one could merge two messages.
   */
  public static final int MAX_ID_LENGTH = 200;

  public IncomingMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sentAt, "sentAt");
    requireId(providerMessageId);
    requireText(businessNumber, "business number");
    requireText(sender, "sender");
  }

  static void requireId(String providerMessageId) {
    requireText(providerMessageId, "provider message id");
    if (providerMessageId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("provider message id is longer than " + MAX_ID_LENGTH);
    }
  }

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }
}
