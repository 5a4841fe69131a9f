package org.ispchat.splynx;

import java.util.Objects;

/**
 * A customer's account in the billing system. {@code phones} is the phone field as the ISP typed it
 * (possibly several numbers); never the portal password.
 */
public record Account(
    String id,
    String login,
    String name,
    AccountStatus status,
    Billing billing,
    String partnerId,
    String phones) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(login, "login");
    name = name == null ? "" : name;
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(billing, "billing");
  }

  /** Whether the account is in use (new, active or blocked), as opposed to inactive. */
  public boolean inUse() {
    return status != AccountStatus.INACTIVE;
  }
}
