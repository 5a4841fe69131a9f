package org.ispchat.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.h2.tools.Server;

/**
 * A fresh, empty database of the kind this run tests ({@code it.db.url}: H2, PostgreSQL or
 * MariaDB), for tests that start their own server processes. Each call makes a new one, so tests
 * and runs never see each other's rows. H2 that several processes share is served over TCP on
 * 127.0.0.1 by the test itself, so row locks between the nodes are real cross-process locks.
 */
public final class TestDatabase implements AutoCloseable {

  private final Map<String, String> settings;
  private final Server h2Server;

  private TestDatabase(Map<String, String> settings, Server h2Server) {
    this.settings = settings;
    this.h2Server = h2Server;
  }

  /** A database only one process opens (for H2: an embedded file). */
  public static TestDatabase forOneNode(String name) throws SQLException {
    return create(name, 0);
  }

  /**
   * A database several processes open at once (for H2: a file served over TCP on this port of
   * 127.0.0.1).
   */
  public static TestDatabase forSeveralNodes(String name, int h2Port) throws SQLException {
    return create(name, h2Port);
  }

  /** What the server is given: {@code ispchat.db.url}, {@code .user}, {@code .password}. */
  public Map<String, String> settings() {
    return settings;
  }

  public String vendor() {
    String url = settings.get("ispchat.db.url");
    return url.startsWith("jdbc:postgresql:")
        ? "postgresql"
        : url.startsWith("jdbc:mariadb:") ? "mariadb" : "h2";
  }

  @Override
  public void close() {
    if (h2Server != null) {
      h2Server.stop();
    }
  }

  private static TestDatabase create(String name, int h2Port) throws SQLException {
    String runUrl = System.getProperty("it.db.url", "jdbc:h2:mem:");
    String user = System.getProperty("it.db.user", "");
    String password = System.getProperty("it.db.password", "");
    String unique = name.replaceAll("[^a-z0-9]", "_") + "_" + System.currentTimeMillis();
    Map<String, String> settings = new HashMap<>();
    settings.put("ispchat.db.user", user);
    settings.put("ispchat.db.password", password);
    Server server = null;
    if (runUrl.startsWith("jdbc:postgresql:")) {
      String base = runUrl.contains("?") ? runUrl.substring(0, runUrl.indexOf('?')) : runUrl;
      execute(base, user, password, "CREATE SCHEMA " + unique);
      settings.put("ispchat.db.url", base + "?currentSchema=" + unique);
    } else if (runUrl.startsWith("jdbc:mariadb:")) {
      String server0 = runUrl.substring(0, runUrl.indexOf('/', "jdbc:mariadb://".length()) + 1);
      execute(server0, user, password, "CREATE DATABASE " + unique);
      settings.put("ispchat.db.url", server0 + unique);
    } else {
      Path dir = Path.of(System.getProperty("project.build.directory", "target"), "it-data");
      settings.put("ispchat.db.user", "sa");
      settings.put("ispchat.db.password", "");
      if (h2Port > 0) {
        server =
            Server.createTcpServer(
                    "-tcpPort",
                    Integer.toString(h2Port),
                    "-baseDir",
                    dir.toString(),
                    "-ifNotExists")
                .start();
        settings.put("ispchat.db.url", "jdbc:h2:tcp://127.0.0.1:" + h2Port + "/./" + unique);
      } else {
        settings.put("ispchat.db.url", "jdbc:h2:file:" + dir.resolve(unique) + ";WRITE_DELAY=0");
      }
    }
    return new TestDatabase(settings, server);
  }

  private static void execute(String url, String user, String password, String sql)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
