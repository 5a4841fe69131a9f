package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @Test
  void readyWhileTheDatabaseAnswers() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:readiness");
    assertEquals(HealthCheckResponse.Status.UP, DatabaseReadiness.check(h2).getStatus());
  }

  @Test
  void notReadyWhenTheDatabaseIsDown() {
    JdbcDataSource unreachable =
        new JdbcDataSource() {
          @Override
          public java.sql.Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused");
          }
        };
    HealthCheckResponse response = DatabaseReadiness.check(unreachable);
    assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    assertEquals("SQLException", response.getData().orElseThrow().get("error"));
  }
}
