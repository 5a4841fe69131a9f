package org.ispchat.platform;

import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

/**
 * Claims rows without waiting for them: the query locks what it returns for update and passes over
 * rows another transaction holds ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, MariaDB and H2).
 * Two nodes asking at once thus get different rows and never wait on each other.
 */
public final class SkipLocked {

  /** Hibernate's value for SKIP LOCKED in jakarta.persistence.lock.timeout. */
  private static final int SKIP_LOCKED = -2;

  private SkipLocked() {}

  public static <T> TypedQuery<T> rows(TypedQuery<T> query) {
    return query
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED);
  }
}
