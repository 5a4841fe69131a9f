package org.ispchat.chat.whatsapp;

/** The webhook's signature is missing or wrong; answered 401 and nothing is stored. */
public class SignatureRejected extends RuntimeException {
  public SignatureRejected(String message) {
    super(message);
  }
}
