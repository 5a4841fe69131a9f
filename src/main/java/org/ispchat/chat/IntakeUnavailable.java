package org.ispchat.chat;

/**
 * The intake could not confirm that a delivery was stored (queue full, database down, shutting
 * down). The webhook answers 503 so the provider delivers again later; nothing was acknowledged.
 */
public class IntakeUnavailable extends RuntimeException {
  public IntakeUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
