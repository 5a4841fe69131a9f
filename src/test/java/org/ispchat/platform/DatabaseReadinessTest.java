package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @Test
  void readyWhileTheDatabaseAnswers() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:readiness");
    assertNull(DatabaseReadiness.problem(h2));
  }

  @Test
  void notReadyWhenTheDatabaseIsDown() {
    // Nothing listens on port 1: the connection is refused, as when the database server is down.
    JdbcDataSource unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
    assertEquals("JdbcSQLNonTransientConnectionException", DatabaseReadiness.problem(unreachable));
  }
}
