package org.ispchat.chat;

/** Where an inbound message is in its processing. Stored by name. */
public enum InboundStatus {
  PENDING,
  DONE,
  FAILED
}
