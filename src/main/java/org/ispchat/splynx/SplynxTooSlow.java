package org.ispchat.splynx;

/**
 * Splynx did not answer within {@code splynx.read-timeout}; not retried, it would only be slow
 * again.
 */
final class SplynxTooSlow extends SplynxUnavailable {
  SplynxTooSlow(String message, Throwable cause) {
    super(message, cause);
  }
}
