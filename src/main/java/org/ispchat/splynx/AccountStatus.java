package org.ispchat.splynx;

/** Where an account stands: new (not yet connected), active, blocked (unpaid), inactive. */
public enum AccountStatus {
  NEW,
  ACTIVE,
  BLOCKED,
  INACTIVE
}
