package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A sandbox refill card ({@code <serie>-<prefix>-<random>} or plain digits) worth an amount. It is
 * redeemed once: active, then used by one customer at one moment; never back.
 */
@Entity
@Table(name = "sandbox_refill_card")
public class SandboxRefillCard {

  /** Splynx's card states. */
  public enum Status {
    ACTIVE,
    USED,
    DISABLED,
    EXPIRED
  }

  @Id private Long id;

  @Column(nullable = false, length = 64)
  private String code;

  @Column(nullable = false, precision = 12, scale = 4)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "valid_till")
  private LocalDate validTill;

  @Column(name = "customer_id", length = 16)
  private String customerId;

  @Column(name = "activated_at")
  private Instant activatedAt;

  protected SandboxRefillCard() {}

  public SandboxRefillCard(Long id, String code, BigDecimal amount, LocalDate validTill) {
    this.id = id;
    this.code = code;
    this.amount = amount;
    this.validTill = validTill;
    this.status = Status.ACTIVE;
  }

  /**
   * Marks the card used by this customer now; refused (and left unchanged) unless it is active and
   * still valid today.
   */
  public void redeem(String customerId, Instant now, LocalDate today) {
    if (status != Status.ACTIVE) {
      throw new RefillCardRejected("refill card is " + status.name().toLowerCase(Locale.ROOT));
    }
    if (validTill != null && validTill.isBefore(today)) {
      throw new RefillCardRejected("refill card expired on " + validTill);
    }
    status = Status.USED;
    this.customerId = customerId;
    activatedAt = now;
  }

  /** Whether this customer redeemed the card at or after {@code since}. */
  public boolean redeemedBy(String customerId, Instant since) {
    return status == Status.USED
        && customerId.equals(this.customerId)
        && activatedAt != null
        && !activatedAt.isBefore(since);
  }

  public String code() {
    return code;
  }

  public BigDecimal amount() {
    return amount;
  }

  public Status status() {
    return status;
  }
}
