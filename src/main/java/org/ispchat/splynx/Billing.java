package org.ispchat.splynx;

/** How an account pays: invoiced each period, prepaid by the day, or prepaid by the month. */
public enum Billing {
  RECURRING,
  PREPAID_DAILY,
  PREPAID_MONTHLY
}
