package org.ispchat.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready without the database: webhooks could not be stored, so a load balancer should send them
 * to another node (and Meta will retry what it could not deliver).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  /**
   * WildFly calls health checks on a management thread, where {@code java:app} names cannot be
   * looked up; created here, on a deployment thread, the bean has its data source before the first
   * probe.
   */
  void createdAtStartup(@Observes Startup startup) {}

  @Override
  public HealthCheckResponse call() {
    return check(dataSource);
  }

  static HealthCheckResponse check(DataSource dataSource) {
    String problem = problem(dataSource);
    return problem == null
        ? HealthCheckResponse.named("database").up().build()
        : HealthCheckResponse.named("database").down().withData("error", problem).build();
  }

  /** Null when the database answers within two seconds, else what went wrong (no details). */
  static String problem(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2) ? null : "connection not valid";
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }
}
