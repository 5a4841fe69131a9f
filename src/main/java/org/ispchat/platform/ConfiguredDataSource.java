package org.ispchat.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection factory behind the application's {@code java:app/jdbc/ispchat} data source.
 *
 * <p>Payara resolves {@code ${MPCONFIG=...}} inside {@code @DataSourceDefinition}, WildFly only
 * {@code ${env.X}} and only when its ee subsystem is told to. Rather than keep two spellings, the
 * annotation names this class, and this class reads {@code ispchat.db.url}, {@code .user} and
 * {@code .password} from MicroProfile Config and delegates to the vendor's own data source. The
 * server still pools and enlists the connections. See docs/decisions/0001.
 */
public class ConfiguredDataSource implements DataSource {

  private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

  /**
   * Set when this deployment has stopped. Static on purpose: the server makes its own instances of
   * this class, and each deployment loads its own copy of the class, so the flag is exactly "this
   * deployment's connections".
   */
  private static volatile boolean closed;

  /** What the first connection was made with; what {@link #closeForUndeploy} closes. */
  private static volatile DatabaseSettings opened;

  /** Whether the last attempt failed: the operator is told once per outage, not per attempt. */
  private static volatile boolean failing;

  private volatile DataSource vendor;
  private PrintWriter logWriter;
  private volatile int loginTimeout;

  // Setters the servers call with the annotation's properties; ignored in favour of MP Config.
  public void setUrl(String ignored) {}

  public void setUser(String ignored) {}

  public void setPassword(String ignored) {}

  @Override
  public Connection getConnection() throws SQLException {
    refuseWhenClosed();
    return connect();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    // The container passes the annotation's (empty) credentials; the configured ones win.
    refuseWhenClosed();
    return connect();
  }

  /**
   * A new connection from the vendor's data source. The first failure after a success (or at start)
   * is explained in one line naming the cause and the fix: at deployment the persistence unit opens
   * the first connection before any ispchat code runs, and the server's own report of the failure
   * is a wall of stack traces.
   */
  private Connection connect() throws SQLException {
    DataSource ds = vendor();
    try {
      Connection c = ds.getConnection();
      failing = false;
      return c;
    } catch (SQLException e) {
      if (!failing) {
        failing = true;
        LOG.log(
            Level.SEVERE,
            "ispchat cannot open its database: {0}",
            DatabaseProblem.explain(e, opened));
      }
      throw e;
    }
  }

  /**
   * Ends this deployment's use of the database: no new connections from now on (a straggling thread
   * cannot reopen an embedded database behind the next deployment's back), and an embedded H2
   * database is shut down, which rolls back what is still open and releases its file lock, so that
   * a redeployment in the same JVM can open the file again.
   */
  static void closeForUndeploy() {
    closed = true;
    DatabaseSettings settings =
        DatabaseSettings.from(
            ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
    if (!settings.embedded()) {
      return;
    }
    try (Connection c = settings.createVendorDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
      LOG.info("Embedded database closed");
    } catch (SQLException | RuntimeException e) {
      // Already closed (every connection was returned and H2 closed it) is the usual reason.
      LOG.log(Level.FINE, "Embedded database not shut down: {0}", e.getMessage());
    }
  }

  private static void refuseWhenClosed() throws SQLException {
    if (closed) {
      throw new SQLException("this ispchat deployment has stopped", "08003");
    }
  }

  private DataSource vendor() throws SQLException {
    DataSource ds = vendor;
    if (ds == null) {
      synchronized (this) {
        ds = vendor;
        if (ds == null) {
          Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
          DatabaseSettings settings = DatabaseSettings.from(config);
          ds = settings.createVendorDataSource();
          opened = settings;
          if (loginTimeout > 0) {
            ds.setLoginTimeout(loginTimeout);
          }
          vendor = ds;
        }
      }
    }
    return ds;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return vendor().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || vendor().isWrapperFor(iface);
  }
}
