package org.ispchat.splynx;

import java.time.LocalDateTime;

/**
 * Whether the customer's line is online now and, if so, the current session: since when (in the
 * billing system's local time), its address and the bytes moved in it.
 */
public record Session(
    boolean online,
    LocalDateTime since,
    String ipAddress,
    long downloadedBytes,
    long uploadedBytes) {

  public static Session offline() {
    return new Session(false, null, null, 0, 0);
  }
}
