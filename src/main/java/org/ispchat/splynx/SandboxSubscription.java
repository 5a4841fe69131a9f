package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A sandbox internet service of one customer on one plan, with the data used this period. Current
 * while active, started and not ended; one that starts later is what Splynx calls pending: a plan
 * change made it, and it takes over the day after the old one ends.
 */
@Entity
@Table(name = "sandbox_subscription")
public class SandboxSubscription {

  /** Splynx's service states the sandbox uses. */
  public enum Status {
    ACTIVE,
    STOPPED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_subscription_seq")
  @SequenceGenerator(
      name = "sandbox_subscription_seq",
      sequenceName = "sandbox_subscription_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "customer_id", nullable = false, length = 16)
  private String customerId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_id", nullable = false)
  private SandboxPlan plan;

  @Column(nullable = false, precision = 12, scale = 4)
  private BigDecimal price;

  @Column(nullable = false)
  private LocalDate starts;

  private LocalDate ends;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(length = 64)
  private String login;

  @Column(name = "used_bytes", nullable = false)
  private long usedBytes;

  /** The request that made this subscription by a plan change; null for the demo's own. */
  @Column(length = 64)
  private String reference;

  protected SandboxSubscription() {}

  public SandboxSubscription(
      String customerId,
      SandboxPlan plan,
      BigDecimal price,
      LocalDate starts,
      String login,
      String reference) {
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.price = Objects.requireNonNull(price, "price");
    this.starts = Objects.requireNonNull(starts, "starts");
    this.status = Status.ACTIVE;
    this.login = login;
    this.reference = reference;
  }

  /** Active, started on or before {@code today}, and not ended before it. */
  public boolean currentOn(LocalDate today) {
    return status == Status.ACTIVE
        && !starts.isAfter(today)
        && (ends == null || !ends.isBefore(today));
  }

  /**
   * The subscription that replaces this one from {@code from} on {@code newPlan}: this one ends the
   * day before. Refused when this one already ends before then (a change is already made) or {@code
   * from} is not after its start.
   */
  public SandboxSubscription changeTo(SandboxPlan newPlan, LocalDate from, String reference) {
    if (status != Status.ACTIVE) {
      throw new PlanChangeRefused("subscription " + id + " is " + status);
    }
    if (!from.isAfter(starts)) {
      throw new PlanChangeRefused("a change must start after " + starts);
    }
    if (ends != null && ends.isBefore(from)) {
      throw new PlanChangeRefused("subscription " + id + " already ends on " + ends);
    }
    ends = from.minusDays(1);
    return new SandboxSubscription(customerId, newPlan, newPlan.price(), from, login, reference);
  }

  public Subscription asSubscription() {
    return new Subscription(
        String.valueOf(id), customerId, plan.asPlan(), price, starts, ends, login);
  }

  public Usage usage() {
    return new Usage(usedBytes, plan.remainingBytes(usedBytes));
  }

  public PlanChange asPlanChange() {
    return new PlanChange(String.valueOf(id), starts);
  }

  public Long id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public SandboxPlan plan() {
    return plan;
  }

  public BigDecimal price() {
    return price;
  }

  public LocalDate starts() {
    return starts;
  }

  public LocalDate ends() {
    return ends;
  }
}
