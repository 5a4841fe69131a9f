package org.ispchat.platform;

import java.sql.SQLException;

/**
 * Turns a failure to open the database into one sentence an operator can act on: what is wrong and
 * what to do. The deployment then fails as a whole, rather than starting without a database.
 */
final class DatabaseProblem {

  private DatabaseProblem() {}

  static String explain(Throwable e, DatabaseSettings settings) {
    String where = settings.safeUrl();
    if (Causes.any(e, t -> t instanceof SQLException s && s.getErrorCode() == 90020)) {
      return "The embedded database "
          + where
          + " is in use by another process (H2 allows one at a time). Stop the other ispchat node"
          + " using this file, or give each node its own ispchat.db.url; for several nodes on one"
          + " database use PostgreSQL or MariaDB.";
    }
    if (Causes.any(e, t -> t instanceof SQLException s && state(s).startsWith("28"))) {
      return "The database at "
          + where
          + " refused the account: check ispchat.db.user and ispchat.db.password.";
    }
    if (Causes.any(e, t -> t instanceof SQLException s && state(s).startsWith("08"))) {
      return "Cannot reach the database at "
          + where
          + " ("
          + Causes.rootText(e)
          + "): check ispchat.db.url and that the database server is running and reachable.";
    }
    return "The database at "
        + where
        + " could not be opened or brought up to date ("
        + Causes.rootText(e)
        + "): check ispchat.db.url; the lines above have the details.";
  }

  private static String state(SQLException s) {
    return s.getSQLState() == null ? "" : s.getSQLState();
  }
}
