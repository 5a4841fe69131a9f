package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseProblemTest {

  private static final DatabaseSettings H2 =
      new DatabaseSettings("jdbc:h2:file:./data/ispchat;WRITE_DELAY=0", "", "");
  private static final DatabaseSettings POSTGRESQL =
      new DatabaseSettings("jdbc:postgresql://db:5432/isp?password=secret", "isp", "secret");

  @Test
  void aLockedH2FileNamesTheOtherProcessAndTheWayOut() {
    var e =
        new RuntimeException(
            "flyway", new SQLException("Database may be already in use", "HY000", 90020));
    String text = DatabaseProblem.explain(e, H2);
    assertTrue(text.contains("in use by another process"), text);
    assertTrue(text.contains("PostgreSQL or MariaDB"), text);
  }

  @Test
  void anUnreachableServerNamesTheUrlButNeverThePassword() {
    var e = new RuntimeException(new SQLException("Connection refused", "08001"));
    String text = DatabaseProblem.explain(e, POSTGRESQL);
    assertTrue(text.startsWith("Cannot reach the database at jdbc:postgresql://db:5432/"), text);
    assertTrue(!text.contains("secret"), text);
  }

  @Test
  void aRefusedAccountPointsAtTheCredentials() {
    var e = new RuntimeException(new SQLException("password authentication failed", "28P01"));
    assertTrue(DatabaseProblem.explain(e, POSTGRESQL).contains("ispchat.db.password"));
  }

  @Test
  void embeddedMeansAnH2ThisJvmOpens() {
    assertTrue(H2.embedded());
    assertTrue(new DatabaseSettings("jdbc:h2:mem:x", "", "").embedded());
    assertTrue(!new DatabaseSettings("jdbc:h2:tcp://127.0.0.1/x", "", "").embedded());
    assertTrue(!POSTGRESQL.embedded());
  }
}
