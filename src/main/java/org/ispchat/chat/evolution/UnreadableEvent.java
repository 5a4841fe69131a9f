package org.ispchat.chat.evolution;

/** The body is not an Evolution webhook envelope; answered 400 and nothing is stored. */
public class UnreadableEvent extends RuntimeException {
  public UnreadableEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
