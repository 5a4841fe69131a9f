package org.ispchat.splynx;

/** Splynx answered 401: our key, secret, signature or token was refused; nothing was done. */
final class SplynxAuthRefused extends SplynxUnavailable {
  private final String internalCode;

  SplynxAuthRefused(String internalCode, String message) {
    super(message);
    this.internalCode = internalCode;
  }

  /** Splynx's {@code internal_code}, e.g. {@code EXPIRED_ACCESS_TOKEN}; empty when none. */
  String internalCode() {
    return internalCode;
  }
}
