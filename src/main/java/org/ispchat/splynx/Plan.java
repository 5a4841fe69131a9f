package org.ispchat.splynx;

import java.math.BigDecimal;
import java.util.Objects;

/** An internet plan: speeds in kbit/s as the billing system keeps them, price per period. */
public record Plan(String id, String name, long downloadKbps, long uploadKbps, BigDecimal price) {
  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(price, "price");
  }
}
