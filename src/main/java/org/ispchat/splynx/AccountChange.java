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
import java.util.Objects;
import org.ispchat.chat.Clip;

/**
 * One change a customer asked the billing system for (a refill card, a plan change, a ticket, a
 * message added to a ticket), written and committed before the call is made, and its outcome after.
 * The unique {@code reference} is what makes a retry of the same request find the first attempt
 * instead of starting a second; the rows are also the audit trail: who, what, when, result.
 */
@Entity
@Table(name = "account_change")
public class AccountChange {

  /** What was asked for. */
  public enum Kind {
    RECHARGE,
    PLAN_CHANGE,
    TICKET,
    TICKET_MESSAGE
  }

  /** Where the change stands. */
  public enum Status {
    /** Recorded; the call was made or is being made, its outcome is not known yet. */
    STARTED,
    /** The billing system made the change. */
    DONE,
    /** The billing system refused it; nothing changed. */
    REFUSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_change_seq")
  @SequenceGenerator(
      name = "account_change_seq",
      sequenceName = "account_change_seq",
      allocationSize = 20)
  private Long id;

  @Column(nullable = false, length = 100)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Kind kind;

  @Column(name = "account_id", nullable = false, length = 64)
  private String accountId;

  @Column(name = "requested_by", nullable = false, length = 200)
  private String requestedBy;

  @Column(nullable = false, length = 500)
  private String detail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(length = 500)
  private String outcome;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected AccountChange() {}

  AccountChange(
      String reference,
      Kind kind,
      String accountId,
      String requestedBy,
      String detail,
      Instant now) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.requestedBy = Clip.cut(Objects.requireNonNull(requestedBy, "requestedBy"), 200);
    this.detail = Clip.cut(Objects.requireNonNull(detail, "detail"), 500);
    this.status = Status.STARTED;
    this.attempts = 1;
    this.startedAt = now;
  }

  void tryAgain() {
    if (status != Status.STARTED) {
      throw new IllegalStateException("change " + reference + " is already " + status);
    }
    attempts++;
  }

  void done(String outcome, Instant now) {
    finish(Status.DONE, outcome, now);
  }

  void refused(String reason, Instant now) {
    if (status == Status.DONE) {
      throw new IllegalStateException("change " + reference + " was made; it cannot be refused");
    }
    finish(Status.REFUSED, reason, now);
  }

  private void finish(Status status, String outcome, Instant now) {
    this.status = status;
    this.outcome = Clip.cut(outcome, 500);
    this.finishedAt = now;
  }

  public String reference() {
    return reference;
  }

  public Kind kind() {
    return kind;
  }

  public String accountId() {
    return accountId;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public String detail() {
    return detail;
  }

  public Status status() {
    return status;
  }

  public String outcome() {
    return outcome;
  }

  public int attempts() {
    return attempts;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
