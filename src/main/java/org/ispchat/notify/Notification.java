package org.ispchat.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One notification a billing system asked for, and what ispchat did with it: queued as a message
 * (in the outbox, whose status it then shares) or skipped because the customer opted out. The
 * {@link #dedupeKey} makes a repeated request within the idempotency period find this row instead
 * of sending again.
 */
@Entity
@Table(name = "notification")
public class Notification {

  /** How the notice is worded on the wire. */
  public enum Form {
    /** Free text: inside the customer's 24-hour window, or a channel without templates. */
    TEXT,
    /** An approved WhatsApp template: outside the window. */
    TEMPLATE,
    /** Nothing sent. */
    NONE
  }

  /** What ispchat decided when it accepted the request. */
  public enum Decision {
    QUEUED,
    SKIPPED_OPTED_OUT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "message_id", nullable = false, length = 36)
  private String messageId;

  @Column(name = "dedupe_key", length = 64)
  private String dedupeKey;

  @Column(name = "instance_id", nullable = false, length = 64)
  private String instanceId;

  @Column(name = "api_key_id")
  private Long apiKeyId;

  @Column(nullable = false, length = 32)
  private String phone;

  @Column(name = "customer_name", nullable = false, length = 200)
  private String customerName;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "invoice_id", nullable = false, length = 200)
  private String invoiceId;

  @Column(name = "due_date", length = 10)
  private String dueDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "message_type", nullable = false, length = 32)
  private MessageType type;

  @Column(nullable = false, length = 8)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Form form;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Decision status;

  @Column(name = "outbound_id")
  private Long outboundId;

  @Column(name = "send_after", nullable = false)
  private Instant sendAfter;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Notification() {}

  Notification(
      String instanceId,
      long apiKeyId,
      NotificationRequest request,
      String dedupeKey,
      String language,
      Instant now) {
    this.messageId = UUID.randomUUID().toString();
    this.dedupeKey = dedupeKey;
    this.instanceId = instanceId;
    this.apiKeyId = apiKeyId;
    this.phone = request.phone();
    this.customerName = request.customerName();
    this.amount = request.amount();
    this.currency = request.currency();
    this.invoiceId = request.invoiceId();
    this.dueDate = request.dueDate().map(LocalDate::toString).orElse(null);
    this.type = request.type();
    this.language = language;
    this.form = Form.NONE;
    this.status = Decision.SKIPPED_OPTED_OUT;
    this.sendAfter = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The message that carries this notice, sent no earlier than {@code sendAfter}. */
  void queuedAs(long outboundId, Form form, Instant sendAfter) {
    if (form == Form.NONE) {
      throw new IllegalArgumentException("a queued notice is text or a template");
    }
    this.outboundId = outboundId;
    this.form = form;
    this.status = Decision.QUEUED;
    this.sendAfter = sendAfter;
  }

  /** Whether a request with the same key at {@code now} is a repeat of this one. */
  boolean repeatedBy(Instant now, Duration period) {
    return dedupeKey != null && createdAt.plus(period).isAfter(now);
  }

  /** Past the idempotency period: a new request with the same key is a new notice. */
  void releaseKey() {
    dedupeKey = null;
  }

  public Long id() {
    return id;
  }

  String dedupeKey() {
    return dedupeKey;
  }

  public String messageId() {
    return messageId;
  }

  public String instanceId() {
    return instanceId;
  }

  public String phone() {
    return phone;
  }

  public String customerName() {
    return customerName;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public String invoiceId() {
    return invoiceId;
  }

  public String dueDate() {
    return dueDate;
  }

  public MessageType type() {
    return type;
  }

  public String language() {
    return language;
  }

  public Form form() {
    return form;
  }

  public Decision decision() {
    return status;
  }

  public Long outboundId() {
    return outboundId;
  }

  public Instant sendAfter() {
    return sendAfter;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
