package org.ispchat.chat.evolution;

/**
 * The delivery names no instance ispchat knows, or does not carry that instance's webhook secret;
 * answered 401 and nothing is stored or changed.
 */
public class WebhookRefused extends RuntimeException {
  public WebhookRefused(String message) {
    super(message);
  }
}
