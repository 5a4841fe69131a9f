package org.ispchat.splynx;

/**
 * Our own limit on simultaneous calls to the billing system is reached: nothing was sent, and the
 * same request may be tried again in a moment.
 */
public class SplynxBusy extends SplynxUnavailable {
  public SplynxBusy(String message) {
    super(message);
  }
}
