package org.ispchat.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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

  private volatile DataSource vendor;
  private PrintWriter logWriter;
  private volatile int loginTimeout;

  // Setters the servers call with the annotation's properties; ignored in favour of MP Config.
  public void setUrl(String ignored) {}

  public void setUser(String ignored) {}

  public void setPassword(String ignored) {}

  @Override
  public Connection getConnection() throws SQLException {
    return vendor().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    // The container passes the annotation's (empty) credentials; the configured ones win.
    return vendor().getConnection();
  }

  private DataSource vendor() throws SQLException {
    DataSource ds = vendor;
    if (ds == null) {
      synchronized (this) {
        ds = vendor;
        if (ds == null) {
          Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
          ds = DatabaseSettings.from(config).createVendorDataSource();
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
