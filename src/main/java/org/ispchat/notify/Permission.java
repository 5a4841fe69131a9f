package org.ispchat.notify;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do, named as billing systems' integration guides name it. */
public enum Permission {
  /** Send notifications (required by {@code send-notification}). */
  SEND_MESSAGE,
  /** Read inbound messages and status changes. */
  RECEIVE_MESSAGE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Permission> fromWire(String value) {
    for (Permission p : values()) {
      if (p.wire().equals(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
