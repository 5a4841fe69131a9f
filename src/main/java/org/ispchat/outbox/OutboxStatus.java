package org.ispchat.outbox;

/**
 * Where an outbound message is. The order of the constants is the order of progress; FAILED is
 * terminal. Stored by name.
 */
public enum OutboxStatus {
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  READ,
  FAILED;

  boolean isBefore(OutboxStatus other) {
    return ordinal() < other.ordinal();
  }
}
