package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ispchat.testing.HttpStatus;
import org.ispchat.testing.PayaraProcess;
import org.ispchat.testing.Poll;
import org.ispchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A second node pointed at an embedded H2 file that a running node holds: its deployment fails as a
 * whole, with one log line that names the cause and the fix, and the server says so (readiness
 * DOWN, no half-started application); the first node carries on. H2 only: the file lock is the
 * embedded database's.
 */
class PayaraEmbeddedDatabaseInUseIT {

  private static final int PORT = Integer.getInteger("it.http.port", 18080) + 7;
  private static final int FAKE_PORT = Integer.getInteger("it.fake.port", 18090) + 6;

  @Test
  void aSecondNodeOnTheSameH2FileFailsWithOneLineNamingCauseAndFix() throws Exception {
    Path file =
        Path.of(
            System.getProperty("project.build.directory", "target"),
            "it-data",
            "in-use-" + System.currentTimeMillis());
    String url = "jdbc:h2:file:" + file + ";WRITE_DELAY=0";
    try (TestDatabase db = TestDatabase.forOneNode("in-use")) {
      Map<String, String> settings = PayaraProcess.settings(db, FAKE_PORT);
      settings.put("ispchat.db.url", url);
      settings.put("ispchat.db.user", "sa");
      settings.put("ispchat.db.password", "");
      try (PayaraProcess first = PayaraProcess.start("in-use-first", PORT, settings);
          PayaraProcess second =
              PayaraProcess.launch("in-use-second", PORT + 1, settings, List.of())) {
        String log =
            Poll.until(
                () -> {
                  try {
                    return second.log();
                  } catch (java.io.IOException e) {
                    return "";
                  }
                },
                l -> l.contains("Payara Micro") && l.contains("ready in"),
                Duration.ofMinutes(3),
                "the second node's boot to end");
        assertTrue(
            log.contains("ispchat cannot open its database: The embedded database " + url),
            "one line naming the cause");
        assertTrue(log.contains("use PostgreSQL or MariaDB"), "and the fix");
        assertEquals(503, HttpStatus.of(second.base().resolve("health/ready")), "not ready");
        assertEquals(
            404, HttpStatus.of(second.base().resolve("webhooks/whatsapp")), "no application");
        assertEquals(
            200, HttpStatus.of(first.base().resolve("health/ready")), "the first carries on");
      }
    }
  }
}
