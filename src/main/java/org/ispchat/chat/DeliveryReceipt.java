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
import java.time.Instant;

/**
 * A status report from a channel about one of our messages (sent, delivered, read, failed), stored
 * on arrival like an inbound message and applied to the outbox afterwards, then deleted. Storing
 * first means a receipt that overtakes our own record of the send is not lost: it waits here until
 * the send is recorded. A re-delivered receipt is applied again, which changes nothing.
 */
@Entity
@Table(name = "delivery_receipt")
public class DeliveryReceipt {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receipt_seq")
  @SequenceGenerator(name = "receipt_seq", sequenceName = "receipt_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChannelType channel;

  @Column(name = "provider_message_id", nullable = false, length = 200)
  private String providerMessageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryStatus status;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  /** Our own id echoed back by the provider (WhatsApp biz_opaque_callback_data), when present. */
  @Column(length = 64)
  private String correlation;

  @Column(name = "error_code", length = 32)
  private String errorCode;

  @Column(name = "error_detail", length = 500)
  private String errorDetail;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  /** When to look for the receipt's message again; pushed back while it cannot be found. */
  @Column(name = "next_check_at", nullable = false)
  private Instant nextCheckAt;

  @Column(nullable = false)
  private int checks;

  protected DeliveryReceipt() {}

  public DeliveryReceipt(IncomingReceipt r, Instant receivedAt) {
    this.channel = r.channel();
    this.providerMessageId = Clip.cut(r.providerMessageId(), 200);
    this.status = r.status();
    this.reportedAt = r.reportedAt();
    this.correlation = Clip.cut(r.correlation(), 64);
    this.errorCode = Clip.cut(r.errorCode(), 32);
    this.errorDetail = Clip.cut(r.errorDetail(), 500);
    this.receivedAt = receivedAt;
    this.nextCheckAt = receivedAt;
  }

  /** Looks for a receipt's message this many times before giving it up as unmatched. */
  public static final int MAX_CHECKS = 5;

  /**
   * Its message is not (yet) known: usually our record of the send is a moment behind Meta's
   * report. Looks again after 1, 4, 16, 64 and 256 seconds, then gives up; a receipt for a message
   * another system sent from the same number thus costs five look-ups in all.
   *
   * @return false when it is time to give the receipt up
   */
  public boolean notFoundYet(Instant now) {
    checks++;
    if (checks >= MAX_CHECKS) {
      return false;
    }
    nextCheckAt = now.plusSeconds(1L << (2 * (checks - 1)));
    return true;
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

  public DeliveryStatus status() {
    return status;
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  public String correlation() {
    return correlation;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorDetail() {
    return errorDetail;
  }
}
