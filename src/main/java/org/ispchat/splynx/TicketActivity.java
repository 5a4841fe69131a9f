package org.ispchat.splynx;

import java.util.Objects;

/**
 * Splynx told us (by a hook) that something happened in a support ticket: a message was added, the
 * ticket was updated or closed. Fired as a CDI event; whoever relays agents' replies to the chat
 * looks at that ticket again instead of waiting for its next poll.
 */
public record TicketActivity(String ticketId) {
  public TicketActivity {
    Objects.requireNonNull(ticketId, "ticketId");
  }
}
