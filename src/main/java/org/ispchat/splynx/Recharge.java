package org.ispchat.splynx;

import java.math.BigDecimal;
import java.util.Objects;

/** A redeemed refill card: the amount it added (null when unknown) and the balance after it. */
public record Recharge(BigDecimal amount, BigDecimal newBalance) {
  public Recharge {
    Objects.requireNonNull(newBalance, "newBalance");
  }
}
