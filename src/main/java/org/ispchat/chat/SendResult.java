package org.ispchat.chat;

import java.time.Duration;

/** What became of one send attempt, in terms the outbox acts on. */
public sealed interface SendResult {

  /** The provider took the message and gave it this id (WhatsApp: the wamid). */
  record Accepted(String providerMessageId) implements SendResult {}

  /**
   * A passing failure: network, throttling, provider trouble. {@code notBefore} is the provider's
   * own hint when it gave one (null: use the outbox's backoff).
   */
  record RetryLater(String code, String detail, Duration notBefore) implements SendResult {}

  /** The provider refused the message for good; retrying would give the same answer. */
  record Rejected(String code, String detail) implements SendResult {}
}
