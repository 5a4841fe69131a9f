package org.ispchat.chat;

/** An instance's template account could not be read; the message says why in plain words. */
public class TemplateAccountFailure extends RuntimeException {
  public TemplateAccountFailure(String detail) {
    super(detail, null, false, false);
  }
}
