package org.ispchat.splynx;

/** The billing system refused the refill card: unknown, already used, expired or disabled. */
public class RefillCardRejected extends RuntimeException {
  public RefillCardRejected(String reason) {
    super(reason);
  }
}
