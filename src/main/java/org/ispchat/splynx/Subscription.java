package org.ispchat.splynx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One internet service of an account, on one plan. {@code price} is what the customer is charged
 * (may differ from the plan's list price); {@code ends} is null for an endless subscription.
 */
public record Subscription(
    String id,
    String accountId,
    Plan plan,
    BigDecimal price,
    LocalDate starts,
    LocalDate ends,
    String login) {
  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(plan, "plan");
  }
}
