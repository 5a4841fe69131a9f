package org.ispchat.splynx;

/** The billing system refused the plan change (plan not offered, date too early, ...). */
public class PlanChangeRefused extends RuntimeException {
  public PlanChangeRefused(String reason) {
    super(reason);
  }
}
