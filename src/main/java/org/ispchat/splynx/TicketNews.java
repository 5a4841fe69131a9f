package org.ispchat.splynx;

import java.time.LocalDateTime;
import java.util.List;

/** What happened in a ticket since we last looked: agents' messages (oldest first) and closing. */
public record TicketNews(List<AgentMessage> agentMessages, boolean closed) {

  public TicketNews {
    agentMessages = List.copyOf(agentMessages);
  }

  /** One message an agent wrote to the customer; {@code text} is plain text (HTML removed). */
  public record AgentMessage(String id, String text, LocalDateTime at) {}
}
