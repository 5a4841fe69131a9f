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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The conversation with one person on one channel: where the dialog stands (step, pending data,
 * language) and the counter that orders our replies to that person. Any node can continue any chat
 * because all of it lives here, in the database.
 *
 * <p>Whoever changes a chat holds its row lock (see {@link ChatRepository#lock}), which is also
 * what serialises the processing of one person's messages across nodes.
 */
@Entity
@Table(name = "chat")
public class Chat {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_seq")
  @SequenceGenerator(name = "chat_seq", sequenceName = "chat_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  @Column(nullable = false, length = 160)
  private String sender;

  @Column(name = "sender_name", length = 200)
  private String senderName;

  @Column(name = "business_number", length = 64)
  private String businessNumber;

  @Column(length = 8)
  private String language;

  @Column(length = 64)
  private String step;

  @Column(name = "pending_data")
  private String pendingData;

  @Column(name = "last_inbound_at")
  private Instant lastInboundAt;

  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Column(name = "outbound_seq", nullable = false)
  private long outboundSeq;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  /** When this person was last heard from before the message now being answered. */
  @Transient private Instant previousActivityAt;

  protected Chat() {}

  public Chat(ChatKey key, Instant now) {
    this.channel = key.channel();
    this.sender = key.sender();
    this.createdAt = now;
    this.lastActivityAt = now;
  }

  /** Records that a message from this person is being answered. */
  public void noteInbound(InboundMessage message, Instant now) {
    previousActivityAt = lastActivityAt;
    businessNumber = message.businessNumber();
    if (message.senderName() != null) {
      senderName = message.senderName();
    }
    if (lastInboundAt == null || message.sentAt().isAfter(lastInboundAt)) {
      lastInboundAt = message.sentAt();
    }
    lastActivityAt = now;
  }

  /** The next position in this person's reply queue; replies are sent strictly in this order. */
  public long nextOutboundSequence() {
    return ++outboundSeq;
  }

  public void moveTo(String step, String pendingData) {
    this.step = step;
    this.pendingData = pendingData;
  }

  public void speak(String language) {
    this.language = language;
  }

  public ChatKey key() {
    return new ChatKey(channel, sender);
  }

  public Long id() {
    return id;
  }

  public ChannelType channel() {
    return channel;
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

  public String language() {
    return language;
  }

  public String step() {
    return step;
  }

  public String pendingData() {
    return pendingData;
  }

  /**
   * When this person was last heard from before the message being answered now (the chat's creation
   * for a first message): how long the conversation was idle.
   */
  public Instant previousActivityAt() {
    return previousActivityAt != null ? previousActivityAt : lastActivityAt;
  }

  public Instant lastInboundAt() {
    return lastInboundAt;
  }
}
