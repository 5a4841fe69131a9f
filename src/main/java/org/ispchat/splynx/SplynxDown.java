package org.ispchat.splynx;

/** Splynx failed (5xx), could not be reached, or answered something that is not its API. */
final class SplynxDown extends SplynxUnavailable {
  SplynxDown(String message) {
    super(message);
  }

  SplynxDown(String message, Throwable cause) {
    super(message, cause);
  }
}
