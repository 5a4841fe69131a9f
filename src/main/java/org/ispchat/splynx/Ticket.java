package org.ispchat.splynx;

import java.util.Objects;

/** A support ticket in the billing system. */
public record Ticket(String id, boolean closed) {
  public Ticket {
    Objects.requireNonNull(id, "id");
  }
}
