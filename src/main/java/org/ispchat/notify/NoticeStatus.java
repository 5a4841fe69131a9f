package org.ispchat.notify;

import java.time.Instant;
import java.util.Locale;
import org.ispchat.outbox.OutboundMessage;
import org.ispchat.outbox.OutboxStatus;

/**
 * Where a notification stands, in the API's words: {@code scheduled} (waiting for the send window),
 * {@code queued}, {@code sending}, {@code sent}, {@code delivered}, {@code read}, {@code failed}
 * (with the provider's reason) or {@code skipped_opted_out}. The message's status only moves
 * forward, whatever order WhatsApp's reports arrive in (the outbox sees to that).
 */
public record NoticeStatus(
    Notification notice, String status, String reason, Instant scheduledFor, Instant updatedAt) {

  public static NoticeStatus of(Notification n, OutboundMessage o, Instant now) {
    if (n.decision() == Notification.Decision.SKIPPED_OPTED_OUT) {
      return new NoticeStatus(
          n,
          "skipped_opted_out",
          "The customer opted out of reminders (wrote STOP); nothing was sent.",
          null,
          n.updatedAt());
    }
    if (o == null) {
      // Retention removed the message; the notice outlived it.
      return new NoticeStatus(n, "unknown", null, null, n.updatedAt());
    }
    Instant updated = o.updatedAt().isAfter(n.updatedAt()) ? o.updatedAt() : n.updatedAt();
    if (o.heldUntilLater(now)) {
      return new NoticeStatus(n, "scheduled", null, o.nextAttemptAt(), updated);
    }
    String status = o.status().name().toLowerCase(Locale.ROOT);
    String reason = null;
    if (o.status() == OutboxStatus.FAILED) {
      reason = o.errorDetail() != null ? o.errorDetail() : "The provider refused the message.";
    } else if (o.status() == OutboxStatus.QUEUED && o.errorDetail() != null) {
      // A passing failure: it will be tried again; say why it has not gone yet.
      reason = "Retrying: " + o.errorDetail();
    }
    return new NoticeStatus(n, status, reason, null, updated);
  }
}
