package org.ispchat.platform;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps Hibernate from logging an expected unique-key violation as an error. ispchat inserts "if
 * absent" where two nodes may race (the same webhook delivered to both, a new sender's chat opened
 * by both, the first admin created by both at once); the loser's insert fails on the unique key,
 * which is the outcome wanted, and the code that catches it logs one line saying what happened
 * ({@link UniqueViolation}). Hibernate would also log the driver's text at WARN and ERROR, which
 * reads like a fault and pages someone at night.
 *
 * <p>Only Hibernate's SQL error category is filtered, and only unique violations: every other
 * database error is logged as before. Installed at deployment and removed at undeployment, so no
 * filter of an old deployment stays on the server's logger.
 */
final class QuietDuplicates implements Filter {

  static final String CATEGORY = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";

  // The warning "SQL Error: <code>, SQLState: <state>" and the drivers' own texts of H2,
  // PostgreSQL and MariaDB.
  private static final Pattern DUPLICATE =
      Pattern.compile(
          "SQLState: 23505|SQL Error: 1062, SQLState: 23000|Unique index or primary key violation"
              + "|duplicate key value violates unique constraint|Duplicate entry .* for key");

  private static Logger logger; // held: the log manager keeps loggers only weakly
  private static QuietDuplicates installed;

  private final Filter previous;

  private QuietDuplicates(Filter previous) {
    this.previous = previous;
  }

  static synchronized void install() {
    if (installed == null) {
      logger = Logger.getLogger(CATEGORY);
      installed = new QuietDuplicates(logger.getFilter());
      logger.setFilter(installed);
    }
  }

  static synchronized void remove() {
    if (installed != null) {
      if (logger.getFilter() == installed) {
        logger.setFilter(installed.previous);
      }
      installed = null;
      logger = null;
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    String message = record.getMessage();
    if (message != null && DUPLICATE.matcher(message).find()) {
      return false;
    }
    return previous == null || previous.isLoggable(record);
  }
}
