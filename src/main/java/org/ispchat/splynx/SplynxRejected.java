package org.ispchat.splynx;

/**
 * Splynx refused the request as such (400, 405, 409, 422 and other 4xx): invalid data, a rule of
 * the billing system, another partner's object. The message is Splynx's own. Never leaves the
 * package: {@link LiveAccounts} turns it into the port's refusal or into {@link SplynxUnavailable}.
 */
final class SplynxRejected extends RuntimeException {
  private final int status;
  private final String internalCode;
  private final String reason;

  SplynxRejected(String what, int status, String internalCode, String reason) {
    super(
        "Splynx refused "
            + what
            + " (HTTP "
            + status
            + (internalCode.isEmpty() ? "" : " " + internalCode)
            + "): "
            + reason,
        null,
        false,
        false);
    this.status = status;
    this.internalCode = internalCode;
    this.reason = reason;
  }

  int status() {
    return status;
  }

  String internalCode() {
    return internalCode;
  }

  /** Splynx's own words for the refusal. */
  String reason() {
    return reason;
  }
}
