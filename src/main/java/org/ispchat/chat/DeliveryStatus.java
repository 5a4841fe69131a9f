package org.ispchat.chat;

/** What a channel reported about a message we sent. */
public enum DeliveryStatus {
  SENT,
  DELIVERED,
  READ,
  FAILED
}
