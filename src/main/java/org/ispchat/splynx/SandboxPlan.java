package org.ispchat.splynx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A sandbox internet tariff: speeds, price, the monthly fair-use allowance (none: unlimited), the
 * plans a customer may change to from it and the billing types it is sold for, as Splynx's {@code
 * tariffs_for_change} and {@code billing_types}.
 */
@Entity
@Table(name = "sandbox_plan")
public class SandboxPlan {

  @Id
  @Column(length = 16)
  private String id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "download_kbps", nullable = false)
  private long downloadKbps;

  @Column(name = "upload_kbps", nullable = false)
  private long uploadKbps;

  @Column(nullable = false, precision = 12, scale = 4)
  private BigDecimal price;

  @Column(name = "cap_bytes")
  private Long capBytes;

  @Column(name = "billing_types", nullable = false, length = 100)
  private String billingTypes;

  @Column(name = "changes_to", nullable = false, length = 200)
  private String changesTo;

  protected SandboxPlan() {}

  public SandboxPlan(
      String id,
      String name,
      long downloadKbps,
      long uploadKbps,
      BigDecimal price,
      Long capBytes,
      List<Billing> billingTypes,
      List<String> changesTo) {
    this.id = id;
    this.name = name;
    this.downloadKbps = downloadKbps;
    this.uploadKbps = uploadKbps;
    this.price = price;
    this.capBytes = capBytes;
    this.billingTypes =
        String.join(",", billingTypes.stream().map(SandboxPlan::splynxBillingType).toList());
    this.changesTo = String.join(",", changesTo);
  }

  /** Whether a customer on this plan may change to {@code other} by themselves. */
  public boolean allowsChangeTo(SandboxPlan other) {
    return !other.id.equals(id) && list(changesTo).contains(other.id);
  }

  /** Whether the plan is sold to customers who pay this way. */
  public boolean soldFor(Billing billing) {
    return list(billingTypes).contains(splynxBillingType(billing));
  }

  /** What is left of the allowance after {@code usedBytes}; null when the plan is unlimited. */
  public Long remainingBytes(long usedBytes) {
    return capBytes == null ? null : Math.max(0, capBytes - usedBytes);
  }

  public Plan asPlan() {
    return new Plan(id, name, downloadKbps, uploadKbps, price);
  }

  public String id() {
    return id;
  }

  public BigDecimal price() {
    return price;
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
  }

  /** Splynx's names: {@code recurring}, {@code prepaid} (daily), {@code prepaid_monthly}. */
  private static String splynxBillingType(Billing billing) {
    return switch (billing) {
      case RECURRING -> "recurring";
      case PREPAID_DAILY -> "prepaid";
      case PREPAID_MONTHLY -> "prepaid_monthly";
    };
  }

  @Override
  public String toString() {
    return "SandboxPlan[" + id + " " + name + "]";
  }
}
