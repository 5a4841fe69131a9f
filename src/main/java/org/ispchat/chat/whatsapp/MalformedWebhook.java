package org.ispchat.chat.whatsapp;

/** The body is not the JSON Meta sends; answered 400 and nothing is stored. */
public class MalformedWebhook extends RuntimeException {
  public MalformedWebhook(String message, Throwable cause) {
    super(message, cause);
  }
}
