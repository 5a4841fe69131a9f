package org.ispchat.dialog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.ChatKey;

/**
 * A chat handed to a person through a support ticket: while open, the bot is silent, the customer's
 * messages go to the ticket and the agents' replies come back to the chat. Ends when the ticket is
 * closed, when the customer asks for the menu, or after a quiet period.
 */
@Entity
@Table(name = "hand_off")
public class HandOff {

  /** Why a hand-off ended. */
  public enum End {
    TICKET_CLOSED,
    CUSTOMER,
    TIMEOUT
  }

  enum Status {
    OPEN,
    ENDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hand_off_seq")
  @SequenceGenerator(name = "hand_off_seq", sequenceName = "hand_off_seq", allocationSize = 20)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  @Column(nullable = false, length = 160)
  private String sender;

  @Column(name = "account_id", nullable = false, length = 64)
  private String accountId;

  @Column(name = "ticket_id", nullable = false, length = 64)
  private String ticketId;

  @Column(name = "last_agent_message_id", length = 64)
  private String lastAgentMessageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "end_reason", length = 32)
  private End endReason;

  @Version private long version;

  protected HandOff() {}

  public HandOff(ChatKey chat, String accountId, String ticketId, Instant now) {
    this.channel = chat.channel();
    this.sender = chat.sender();
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
    this.status = Status.OPEN;
    this.openedAt = now;
    this.lastActivityAt = now;
    this.checkedAt = now;
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  /** The customer or an agent wrote: the quiet period starts again. */
  public void active(Instant now) {
    lastActivityAt = now;
  }

  /** An agent's message was passed on to the customer; the next look starts after it. */
  public void relayed(String agentMessageId, Instant now) {
    lastAgentMessageId = agentMessageId;
    lastActivityAt = now;
  }

  public void checked(Instant now) {
    checkedAt = now;
  }

  /** Asks for a look at the ticket at the next chance (a Splynx hook said something happened). */
  public void checkSoon() {
    checkedAt = Instant.EPOCH;
  }

  public boolean quietFor(Duration timeout, Instant now) {
    return lastActivityAt.plus(timeout).isBefore(now);
  }

  public void end(End reason, Instant now) {
    if (status == Status.ENDED) {
      return;
    }
    status = Status.ENDED;
    endReason = reason;
    endedAt = now;
  }

  public ChatKey chatKey() {
    return new ChatKey(channel, sender);
  }

  public Long id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public String ticketId() {
    return ticketId;
  }

  public String lastAgentMessageId() {
    return lastAgentMessageId;
  }

  public End endReason() {
    return endReason;
  }
}
