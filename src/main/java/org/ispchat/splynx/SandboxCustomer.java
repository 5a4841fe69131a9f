package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A sandbox customer: the account, its portal password (demo data only: Splynx keeps it too), the
 * deposit (positive = credit) and, to keep the sandbox small, the line's current session.
 */
@Entity
@Table(name = "sandbox_customer")
public class SandboxCustomer {

  /** Splynx charges a prepaid (daily) customer the monthly price spread over 30 days. */
  private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

  @Id
  @Column(length = 16)
  private String id;

  @Column(nullable = false, length = 64)
  private String login;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 200)
  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Billing billing;

  @Column(name = "partner_id", nullable = false, length = 16)
  private String partnerId;

  @Column(name = "portal_password", nullable = false, length = 100)
  private String portalPassword;

  @Column(nullable = false, precision = 12, scale = 4)
  private BigDecimal deposit;

  @Column(nullable = false)
  private boolean online;

  @Column(name = "online_since")
  private Instant onlineSince;

  @Column(name = "ip_address", length = 64)
  private String ipAddress;

  @Column(name = "session_down_bytes", nullable = false)
  private long sessionDownBytes;

  @Column(name = "session_up_bytes", nullable = false)
  private long sessionUpBytes;

  protected SandboxCustomer() {}

  public SandboxCustomer(
      String id,
      String login,
      String name,
      String phone,
      AccountStatus status,
      Billing billing,
      String portalPassword,
      BigDecimal deposit) {
    this.id = id;
    this.login = login;
    this.name = name;
    this.phone = phone;
    this.status = status;
    this.billing = billing;
    this.partnerId = "1";
    this.portalPassword = portalPassword;
    this.deposit = deposit;
  }

  /** Whether this is the portal password; compared in constant time. */
  public boolean hasPassword(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            portalPassword.getBytes(StandardCharsets.UTF_8),
            candidate.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Adds a payment to the deposit; a payment is never zero or negative. A customer blocked for debt
   * is active again once nothing is owed, as Splynx unblocks on payment.
   */
  void credit(BigDecimal amount) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a payment adds money, not " + amount);
    }
    deposit = deposit.add(amount);
    if (status == AccountStatus.BLOCKED && deposit.signum() >= 0) {
      status = AccountStatus.ACTIVE;
    }
  }

  public Account asAccount() {
    return new Account(id, login, name, status, billing, partnerId, phone);
  }

  /** The balance and, for a prepaid customer, the last day paid for by the deposit. */
  public Balance balance(BigDecimal monthlyCost, LocalDate today) {
    return new Balance(deposit, paidUntil(billing, deposit, monthlyCost, today));
  }

  /**
   * The last day a prepaid customer's service runs without another payment, as Splynx's billing
   * info counts it: a prepaid monthly customer has paid the current month and the deposit pays
   * further whole months; a prepaid daily one has the days the deposit pays at a thirtieth of the
   * monthly price a day. Null for recurring (invoiced) customers and when nothing is charged.
   */
  static LocalDate paidUntil(
      Billing billing, BigDecimal deposit, BigDecimal monthlyCost, LocalDate today) {
    if (billing == Billing.RECURRING || monthlyCost.signum() <= 0) {
      return null;
    }
    BigDecimal credit = deposit.max(BigDecimal.ZERO);
    if (billing == Billing.PREPAID_MONTHLY) {
      long months = credit.divide(monthlyCost, 0, RoundingMode.FLOOR).longValue();
      return today.plusMonths(months).with(TemporalAdjusters.lastDayOfMonth());
    }
    long days =
        credit.multiply(DAYS_PER_MONTH).divide(monthlyCost, 0, RoundingMode.FLOOR).longValue();
    return today.plusDays(days);
  }

  public Session session(ZoneId zone) {
    if (!online) {
      return Session.offline();
    }
    return new Session(
        true,
        onlineSince == null ? null : onlineSince.atZone(zone).toLocalDateTime(),
        ipAddress,
        sessionDownBytes,
        sessionUpBytes);
  }

  public String id() {
    return id;
  }

  public String login() {
    return login;
  }

  public String phone() {
    return phone;
  }

  public BigDecimal deposit() {
    return deposit;
  }

  @Override
  public String toString() {
    // Never the portal password.
    return "SandboxCustomer[" + id + " " + login + "]";
  }
}
