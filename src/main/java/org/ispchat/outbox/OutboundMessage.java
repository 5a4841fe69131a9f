package org.ispchat.outbox;

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
import java.time.Instant;
import org.ispchat.chat.ChannelType;
import org.ispchat.chat.Chat;
import org.ispchat.chat.DeliveryStatus;
import org.ispchat.chat.Reply;
import org.ispchat.chat.ReplyCodec;

/**
 * One message to one person, from queueing to its last delivery report.
 *
 * <p>Its status only moves forward (queued, sending, sent, delivered, read), whatever order the
 * provider's reports arrive in; the methods below refuse anything else. A failure report after the
 * message was delivered is ignored; a delivery report after a failure wins, since it proves the
 * person got the message.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_seq")
  @SequenceGenerator(name = "outbound_seq", sequenceName = "outbound_seq", allocationSize = 50)
  private Long id;

  @Column(name = "chat_id", nullable = false)
  private Long chatId;

  /** Position in the chat's reply queue: a message is sent only after all before it. */
  @Column(nullable = false)
  private long sequence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  @Column(name = "business_number", nullable = false, length = 64)
  private String businessNumber;

  @Column(nullable = false, length = 160)
  private String recipient;

  @Column(nullable = false, length = 16)
  private String kind;

  /** The provider id of the customer message this answers; null for messages we start. */
  @Column(name = "in_reply_to", length = 200)
  private String inReplyTo;

  @Column(nullable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OutboxStatus status = OutboxStatus.QUEUED;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "provider_message_id", length = 200)
  private String providerMessageId;

  @Column(name = "error_code", length = 32)
  private String errorCode;

  @Column(name = "error_detail", length = 500)
  private String errorDetail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "read_at")
  private Instant readAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Retention has removed what we said (see {@link #forgetText}). */
  @Column(nullable = false)
  private boolean forgotten;

  @Version private long version;

  protected OutboundMessage() {}

  public OutboundMessage(
      Chat chat, String businessNumber, String inReplyTo, Reply reply, Instant now) {
    this.inReplyTo = inReplyTo;
    this.chatId = chat.id();
    this.sequence = chat.nextOutboundSequence();
    this.channel = chat.channel();
    this.recipient = chat.sender();
    this.businessNumber = businessNumber;
    this.kind = ReplyCodec.kindOf(reply);
    this.payload = ReplyCodec.encode(reply);
    this.createdAt = now;
    this.updatedAt = now;
    this.nextAttemptAt = now;
  }

  /** Not to be sent before this instant (a notice waiting for the morning). */
  void holdUntil(Instant notBefore) {
    if (status != OutboxStatus.QUEUED || attempts > 0) {
      throw new IllegalStateException("only a message never tried can be held");
    }
    nextAttemptAt = notBefore;
  }

  /** Queued and not yet tried, held for a later time than it was queued at. */
  public boolean heldUntilLater(Instant now) {
    return status == OutboxStatus.QUEUED && attempts == 0 && nextAttemptAt.isAfter(now);
  }

  /** Taken by a dispatcher until {@code leaseUntil}; a crashed node's claim expires then. */
  void claim(Instant now, Instant leaseUntil) {
    if (status != OutboxStatus.QUEUED && status != OutboxStatus.SENDING) {
      throw new IllegalStateException("message " + id + " is " + status + ", not sendable");
    }
    status = OutboxStatus.SENDING;
    this.leaseUntil = leaseUntil;
    // Claimable again when the lease runs out: one indexed condition finds both kinds of due rows.
    this.nextAttemptAt = leaseUntil;
    attempts++;
    updatedAt = now;
  }

  /**
   * Gives back a claim that was never tried (its node is stopping): queued again at once, and the
   * attempt it counted is returned with it.
   */
  void release(Instant now) {
    if (status != OutboxStatus.SENDING) {
      return;
    }
    status = OutboxStatus.QUEUED;
    leaseUntil = null;
    nextAttemptAt = now;
    attempts = Math.max(0, attempts - 1);
    updatedAt = now;
  }

  /** The provider took it. A receipt may already have moved it further; that stays. */
  void accepted(String providerMessageId, Instant now) {
    if (this.providerMessageId == null) {
      this.providerMessageId = providerMessageId;
    }
    if (status.isBefore(OutboxStatus.SENT)) {
      status = OutboxStatus.SENT;
    }
    if (sentAt == null) {
      sentAt = now;
    }
    leaseUntil = null;
    errorCode = null;
    errorDetail = null;
    updatedAt = now;
  }

  void retryAt(Instant when, String code, String detail, Instant now) {
    if (status != OutboxStatus.SENDING) {
      return;
    }
    status = OutboxStatus.QUEUED;
    nextAttemptAt = when;
    leaseUntil = null;
    errorCode = code;
    errorDetail = detail;
    updatedAt = now;
  }

  void fail(String code, String detail, Instant now) {
    if (!status.isBefore(OutboxStatus.DELIVERED) || status == OutboxStatus.FAILED) {
      return;
    }
    status = OutboxStatus.FAILED;
    leaseUntil = null;
    errorCode = code;
    errorDetail = detail;
    failedAt = now;
    updatedAt = now;
  }

  /**
   * Applies a provider's delivery report. Returns whether the message moved.
   *
   * @param at when the provider says it happened
   */
  boolean applyReceipt(
      DeliveryStatus report,
      String providerMessageId,
      Instant at,
      String code,
      String detail,
      Instant now) {
    if (this.providerMessageId == null) {
      this.providerMessageId = providerMessageId;
    }
    OutboxStatus before = status;
    switch (report) {
      case SENT -> {
        if (status.isBefore(OutboxStatus.SENT)) {
          status = OutboxStatus.SENT;
        }
        sentAt = sentAt == null ? at : sentAt;
      }
      case DELIVERED -> {
        if (status.isBefore(OutboxStatus.DELIVERED) || status == OutboxStatus.FAILED) {
          status = OutboxStatus.DELIVERED;
        }
        deliveredAt = deliveredAt == null ? at : deliveredAt;
      }
      case READ -> {
        if (status.isBefore(OutboxStatus.READ) || status == OutboxStatus.FAILED) {
          status = OutboxStatus.READ;
        }
        readAt = readAt == null ? at : readAt;
      }
      case FAILED -> fail(code, detail, at);
    }
    if (status == OutboxStatus.DELIVERED || status == OutboxStatus.READ) {
      leaseUntil = null;
    }
    updatedAt = now;
    return status != before;
  }

  /**
   * Removes what we said, for retention; to whom, when and what became of it stay until the row is
   * deleted. Refused while the message still waits to be sent, which needs it. Receipts may still
   * move the status on afterwards.
   *
   * <p>The payload becomes the empty string rather than null: the column is NOT NULL, and no one
   * ALTER statement relaxes that on H2, PostgreSQL and MariaDB alike. {@link #forgotten} is what to
   * ask.
   */
  void forgetText() {
    if (status == OutboxStatus.QUEUED || status == OutboxStatus.SENDING) {
      throw new IllegalStateException("outbound message " + id + " still waits to be sent");
    }
    payload = "";
    forgotten = true;
  }

  public Reply reply() {
    if (forgotten) {
      throw new IllegalStateException("outbound message " + id + " was forgotten (retention)");
    }
    return ReplyCodec.decode(payload);
  }

  public Long id() {
    return id;
  }

  public Long chatId() {
    return chatId;
  }

  public long sequence() {
    return sequence;
  }

  public ChannelType channel() {
    return channel;
  }

  public String businessNumber() {
    return businessNumber;
  }

  public String recipient() {
    return recipient;
  }

  public String kind() {
    return kind;
  }

  public String inReplyTo() {
    return inReplyTo;
  }

  public OutboxStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String providerMessageId() {
    return providerMessageId;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorDetail() {
    return errorDetail;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }

  public Instant readAt() {
    return readAt;
  }

  public Instant failedAt() {
    return failedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public boolean forgotten() {
    return forgotten;
  }

  /** Our id as echoed back by providers that carry a correlation value. */
  public String correlation() {
    return correlationOf(id);
  }

  static String correlationOf(Long id) {
    return "ob-" + id;
  }
}
