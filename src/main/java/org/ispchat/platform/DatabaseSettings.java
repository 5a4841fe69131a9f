package org.ispchat.platform;

import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is: {@code ispchat.db.url}, {@code .user}, {@code .password}. Embedded H2 in
 * {@code ./data} when nothing is configured.
 */
public record DatabaseSettings(String url, String user, String password) {

  /**
   * WRITE_DELAY=0 makes H2 hand each commit to the operating system before the commit returns, so a
   * webhook acknowledged after its commit survives a killed JVM (H2 otherwise buffers up to 500
   * ms).
   */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/ispchat;WRITE_DELAY=0";

  public static DatabaseSettings from(Config config) {
    return new DatabaseSettings(
        config.getOptionalValue("ispchat.db.url", String.class).orElse(DEFAULT_URL),
        config.getOptionalValue("ispchat.db.user", String.class).orElse(""),
        config.getOptionalValue("ispchat.db.password", String.class).orElse(""));
  }

  public Vendor vendor() {
    return Vendor.of(url);
  }

  /**
   * True for an H2 database this JVM opens itself (a file or memory), false for one reached over
   * the network (H2's TCP server, PostgreSQL, MariaDB).
   */
  public boolean embedded() {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("jdbc:h2:")
        && !u.startsWith("jdbc:h2:tcp:")
        && !u.startsWith("jdbc:h2:ssl:");
  }

  /** The URL with any password in it masked, for log lines. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  DataSource createVendorDataSource() {
    switch (vendor()) {
      case H2 -> {
        var ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user.isEmpty() ? "sa" : user);
        ds.setPassword(password);
        return ds;
      }
      case POSTGRESQL -> {
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        if (!user.isEmpty()) {
          ds.setUser(user);
        }
        if (!password.isEmpty()) {
          ds.setPassword(password);
        }
        return ds;
      }
      case MARIADB -> {
        // The driver finds no SLF4J in the application and would write every server error to
        // standard error itself; through java.util.logging its lines reach the server's log, obey
        // its levels, and expected duplicate-key races can be told apart (QuietDuplicates).
        if (System.getProperty("mariadb.logging.fallback") == null) {
          System.setProperty("mariadb.logging.fallback", "JDK");
        }
        try {
          var ds = new org.mariadb.jdbc.MariaDbDataSource(url);
          if (!user.isEmpty()) {
            ds.setUser(user);
          }
          if (!password.isEmpty()) {
            ds.setPassword(password);
          }
          return ds;
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException("ispchat.db.url is not a valid MariaDB URL", e);
        }
      }
      default -> throw new IllegalStateException("unreachable");
    }
  }

  /** The databases ispchat supports; each has its own SQL spelling for a few column types. */
  public enum Vendor {
    H2("TIMESTAMP(6) WITH TIME ZONE", "CHARACTER VARYING(1000000)"),
    POSTGRESQL("TIMESTAMP(6) WITH TIME ZONE", "TEXT"),
    MARIADB("DATETIME(6)", "MEDIUMTEXT");

    public final String timestampType;
    public final String textType;

    Vendor(String timestampType, String textType) {
      this.timestampType = timestampType;
      this.textType = textType;
    }

    static Vendor of(String url) {
      String u = url.toLowerCase(Locale.ROOT);
      if (u.startsWith("jdbc:h2:")) {
        return H2;
      }
      if (u.startsWith("jdbc:postgresql:")) {
        return POSTGRESQL;
      }
      if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
        return MARIADB;
      }
      throw new IllegalStateException(
          "ispchat.db.url must be an H2, PostgreSQL or MariaDB JDBC URL (jdbc:h2:, jdbc:postgresql:,"
              + " jdbc:mariadb:)");
    }
  }
}
