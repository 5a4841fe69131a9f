package org.ispchat.platform;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a unique-key violation on every supported database. Where ispchat inserts "if absent"
 * (a webhook delivered twice, a chat opened by two nodes at once) that violation means the row is
 * already there, which is the outcome wanted.
 */
public final class UniqueViolation {

  private UniqueViolation() {}

  public static boolean causes(Throwable e) {
    return Causes.any(e, UniqueViolation::is);
  }

  static boolean is(Throwable t) {
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      // 23505: PostgreSQL and H2 unique violation; 23000 with 1062: MariaDB duplicate key.
      return "23505".equals(state) || ("23000".equals(state) && sql.getErrorCode() == 1062);
    }
    return t instanceof ConstraintViolationException c
        && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
  }
}
