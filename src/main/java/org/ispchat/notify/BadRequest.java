package org.ispchat.notify;

/** A request the contract answers with 400; the message names the field and what is wrong. */
public class BadRequest extends RuntimeException {
  public BadRequest(String detail) {
    super(detail, null, false, false);
  }
}
