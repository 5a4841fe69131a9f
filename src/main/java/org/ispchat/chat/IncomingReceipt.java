package org.ispchat.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery report as a channel parsed it from the wire, before it is stored.
 *
 * @param correlation our own id echoed back by the provider, when it supports that
 */
public record IncomingReceipt(
    ChannelType channel,
    String providerMessageId,
    DeliveryStatus status,
    Instant reportedAt,
    String correlation,
    String errorCode,
    String errorDetail) {

  public IncomingReceipt {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reportedAt, "reportedAt");
    IncomingMessage.requireId(providerMessageId);
  }
}
