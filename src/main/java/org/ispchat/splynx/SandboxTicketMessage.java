package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One message in a sandbox ticket, by the customer (through ispchat, with the request's reference)
 * or by an agent. Written once, never changed.
 */
@Entity
@Table(name = "sandbox_ticket_message")
public class SandboxTicketMessage {

  /** Who wrote it: Splynx's {@code author_type} customer (or api) versus admin. */
  public enum Author {
    CUSTOMER,
    AGENT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_ticket_message_seq")
  @SequenceGenerator(
      name = "sandbox_ticket_message_seq",
      sequenceName = "sandbox_ticket_message_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "ticket_id", nullable = false)
  private Long ticketId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Author author;

  @Column(nullable = false)
  private String message;

  @Column(length = 64)
  private String reference;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected SandboxTicketMessage() {}

  public SandboxTicketMessage(
      SandboxTicket ticket, Author author, String message, String reference, Instant now) {
    this.ticketId = Objects.requireNonNull(ticket.id(), "ticket id");
    this.author = Objects.requireNonNull(author, "author");
    this.message = Objects.requireNonNull(message, "message");
    this.reference = reference;
    this.writtenAt = now;
  }

  public TicketNews.AgentMessage asAgentMessage(ZoneId zone) {
    return new TicketNews.AgentMessage(
        String.valueOf(id), message, writtenAt.atZone(zone).toLocalDateTime());
  }
}
