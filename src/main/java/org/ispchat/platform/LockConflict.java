package org.ispchat.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Recognises a row lock that could not be had (another node holds it, or a deadlock was broken).
 * Where work is claimed by row lock, that means someone else is doing it right now.
 */
public final class LockConflict {

  private LockConflict() {}

  public static boolean causes(Throwable e) {
    return Causes.any(
        e,
        t ->
            t instanceof PessimisticLockException
                || t instanceof LockTimeoutException
                || t instanceof org.hibernate.PessimisticLockException);
  }
}
