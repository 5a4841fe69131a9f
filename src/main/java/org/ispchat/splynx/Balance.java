package org.ispchat.splynx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The account's balance (positive = credit) and, when the billing system knows it, the day the
 * service stops unless paid ({@code paidUntil}, null when unknown or never).
 */
public record Balance(BigDecimal amount, LocalDate paidUntil) {
  public Balance {
    Objects.requireNonNull(amount, "amount");
  }
}
