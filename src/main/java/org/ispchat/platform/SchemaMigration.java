package org.ispchat.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Background workers
 * declare {@code @DependsOn("SchemaMigration")}.
 *
 * <p>Bean-managed transactions: Flyway commits its own work and must not run inside a JTA
 * transaction.
 */
@DataSourceDefinition(
    name = SchemaMigration.DATA_SOURCE,
    className = "org.ispchat.platform.ConfiguredDataSource",
    // Besides bounding the wait for an unreachable database, this is the one connection property
    // WildFly passes on: its pool refuses a data source class given none at all (IJ031103).
    loginTimeout = 10,
    minPoolSize = 2,
    // Inbound workers (24) and outbox senders (8) each hold one while they work, plus the intake,
    // the timers and the change journal's short second transactions.
    maxPoolSize = 40,
    // The default of H2 and PostgreSQL; MariaDB's REPEATABLE READ adds gap locks that make the
    // row-lock claims of the outbox and the chats wait on each other for nothing.
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/ispchat";
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @Inject Config config;
  @Inject ConsoleAccounts accounts;

  @PostConstruct
  void migrate() {
    QuietDuplicates.install();
    DatabaseSettings settings = DatabaseSettings.from(config);
    DatabaseSettings.Vendor vendor = settings.vendor();
    MigrateResult result;
    try {
      result =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .placeholders(Map.of("timestamp", vendor.timestampType, "text", vendor.textType))
              .load()
              .migrate();
    } catch (RuntimeException e) {
      String problem = DatabaseProblem.explain(e, settings);
      LOG.log(Level.SEVERE, "ispchat cannot start: {0}", problem);
      // Fails the deployment as a whole: nothing half-started answers requests without a database.
      throw new IllegalStateException(problem, e);
    }
    if (result.migrationsExecuted == 0) {
      LOG.log(Level.INFO, "Database schema ({0}) is up to date", vendor);
    } else {
      LOG.log(
          Level.INFO,
          "Database schema ({0}) at version {1}, {2} migration(s) applied",
          new Object[] {vendor, result.targetSchemaVersion, result.migrationsExecuted});
    }
    accounts.ensureFirstAdmin();
  }
}
