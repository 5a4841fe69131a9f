package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Money paid into a sandbox account: here, a redeemed refill card. Written once, never changed. */
@Entity
@Table(name = "sandbox_payment")
public class SandboxPayment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sandbox_payment_seq")
  @SequenceGenerator(
      name = "sandbox_payment_seq",
      sequenceName = "sandbox_payment_seq",
      allocationSize = 1)
  private Long id;

  @Column(name = "customer_id", nullable = false, length = 16)
  private String customerId;

  @Column(nullable = false, precision = 12, scale = 4)
  private BigDecimal amount;

  @Column(name = "paid_at", nullable = false)
  private Instant paidAt;

  @Column(length = 200)
  private String comment;

  @Column(length = 64)
  private String reference;

  protected SandboxPayment() {}

  public SandboxPayment(
      String customerId, BigDecimal amount, Instant paidAt, String comment, String reference) {
    this.customerId = customerId;
    this.amount = amount;
    this.paidAt = paidAt;
    this.comment = comment;
    this.reference = reference;
  }

  public Long id() {
    return id;
  }
}
