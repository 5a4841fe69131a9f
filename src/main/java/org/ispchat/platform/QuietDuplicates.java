package org.ispchat.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Only Hibernate's SQL error category and the MariaDB driver's error line are filtered, and only
 * unique violations: every other database error is logged as before. Installed at deployment and
 * removed at undeployment, so no filter of an old deployment stays on the server's logger.
 */
final class QuietDuplicates implements Filter {

  /** Hibernate's SQL errors, and the MariaDB driver's own line for every error the server sends. */
  static final List<String> CATEGORIES =
      List.of(
          "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
          "org.mariadb.jdbc.message.server.ErrorPacket");

  // The warning "SQL Error: <code>, SQLState: <state>" and the drivers' own texts of H2,
  // PostgreSQL and MariaDB.
  private static final Pattern DUPLICATE =
      Pattern.compile(
          "SQLState: 23505|SQL Error: 1062, SQLState: 23000|Unique index or primary key violation"
              + "|duplicate key value violates unique constraint|Duplicate entry .* for key");

  // Held: the log manager keeps loggers only weakly, and would forget the filter with them.
  private static final Map<Logger, QuietDuplicates> INSTALLED = new HashMap<>();

  private final Filter previous;

  private QuietDuplicates(Filter previous) {
    this.previous = previous;
  }

  static synchronized void install() {
    if (INSTALLED.isEmpty()) {
      for (String category : CATEGORIES) {
        Logger logger = Logger.getLogger(category);
        QuietDuplicates filter = new QuietDuplicates(logger.getFilter());
        logger.setFilter(filter);
        INSTALLED.put(logger, filter);
      }
    }
  }

  static synchronized void remove() {
    INSTALLED.forEach(
        (logger, filter) -> {
          if (logger.getFilter() == filter) {
            logger.setFilter(filter.previous);
          }
        });
    INSTALLED.clear();
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
