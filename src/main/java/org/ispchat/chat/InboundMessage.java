package org.ispchat.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;

/**
 * One message a customer sent, stored before the webhook is acknowledged. The pair (channel,
 * provider message id) is unique in the database, which is what makes a re-delivered webhook
 * harmless.
 */
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

  static final int MAX_TEXT = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_seq")
  @SequenceGenerator(name = "inbound_seq", sequenceName = "inbound_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  @Column(name = "provider_message_id", nullable = false, length = 200)
  private String providerMessageId;

  @Column(nullable = false, length = 160)
  private String sender;

  @Column(name = "sender_name", length = 200)
  private String senderName;

  @Column(name = "business_number", nullable = false, length = 64)
  private String businessNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InboundKind kind;

  @Column(name = "body")
  private String text;

  @Column(name = "choice_id", length = 256)
  private String choiceId;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InboundStatus status = InboundStatus.PENDING;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "processed_at")
  private Instant processedAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  /** Retention has removed what the person wrote (see {@link #forgetText}). */
  @Column(nullable = false)
  private boolean forgotten;

  @Transient private boolean forgetWhenAnswered;

  protected InboundMessage() {}

  public InboundMessage(IncomingMessage m, Instant receivedAt) {
    this.channel = m.channel();
    this.providerMessageId = Clip.cut(m.providerMessageId(), 200);
    this.businessNumber = Clip.cut(m.businessNumber(), 64);
    this.sender = Clip.cut(m.sender(), 160);
    this.senderName = Clip.cut(m.senderName(), 200);
    this.kind = m.kind();
    this.text = Clip.cut(m.text(), MAX_TEXT);
    this.choiceId = Clip.cut(m.choiceId(), 256);
    this.sentAt = m.sentAt();
    this.receivedAt = receivedAt;
    this.nextAttemptAt = receivedAt;
  }

  public boolean isDue(Instant now) {
    return !nextAttemptAt.isAfter(now);
  }

  public void markDone(Instant now) {
    status = InboundStatus.DONE;
    processedAt = now;
    lastError = null;
    if (forgetWhenAnswered) {
      text = null;
      forgotten = true;
    }
  }

  /**
   * Asks that what the person wrote be removed as soon as the message is answered, in the same
   * transaction: for a password typed to identify oneself, which must not stay in the database.
   */
  public void forgetTextWhenAnswered() {
    forgetWhenAnswered = true;
  }

  /** Waits for a moment without counting an attempt: the answer needs something busy right now. */
  void postpone(Instant until) {
    nextAttemptAt = until;
  }

  /**
   * Counts a failed attempt. After {@code maxAttempts} the message is given up as FAILED so that
   * the chat's later messages are not held back by it; before that it waits {@code backoff}.
   */
  public void recordFailure(String error, Instant now, int maxAttempts, Duration backoff) {
    attempts++;
    lastError = Clip.cut(error, 500);
    if (attempts >= maxAttempts) {
      status = InboundStatus.FAILED;
      processedAt = now;
    } else {
      nextAttemptAt = now.plus(backoff);
    }
  }

  /**
   * Removes what the person wrote, for retention: the text, and the last error, which can quote it.
   * Who wrote, when, the kind and the outcome stay until the row itself is deleted. Refused while
   * the message still waits to be answered, which needs the text.
   */
  void forgetText() {
    if (status == InboundStatus.PENDING) {
      throw new IllegalStateException("inbound message " + id + " still waits to be answered");
    }
    text = null;
    lastError = null;
    forgotten = true;
  }

  public ChatKey chatKey() {
    return new ChatKey(channel, sender);
  }

  public Long id() {
    return id;
  }

  public ChannelType channel() {
    return channel;
  }

  public String providerMessageId() {
    return providerMessageId;
  }

  public String sender() {
    return sender;
  }

  public String senderName() {
    return senderName;
  }

  public String businessNumber() {
    return businessNumber;
  }

  public InboundKind kind() {
    return kind;
  }

  public String text() {
    return text;
  }

  public String choiceId() {
    return choiceId;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public InboundStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public boolean forgotten() {
    return forgotten;
  }
}
