package org.ispchat.splynx;

/**
 * The billing system could not answer now: down, too slow, refusing our credentials or permissions,
 * or our circuit breaker is open. The customer is told to try again shortly; the message says why,
 * for the log, and never holds a secret.
 */
public class SplynxUnavailable extends RuntimeException {
  public SplynxUnavailable(String message) {
    super(message);
  }

  public SplynxUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
