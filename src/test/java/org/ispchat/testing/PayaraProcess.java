package org.ispchat.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro running target/ispchat.war in its own process, for tests that must stop a server
 * the hard way ({@code kill -9}) and start another on the same database.
 */
public final class PayaraProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final File log;

  private PayaraProcess(Process process, int port, File log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static PayaraProcess start(String name, int port, Map<String, String> settings)
      throws IOException {
    return start(name, port, settings, List.of());
  }

  /**
   * Starts Payara Micro as an operator would, with extra command-line options (e.g. {@code
   * --rootdir DIR}), and waits until it is ready.
   */
  public static PayaraProcess start(
      String name, int port, Map<String, String> settings, List<String> options)
      throws IOException {
    PayaraProcess server = launch(name, port, settings, options);
    try {
      server.awaitReady(Duration.ofMinutes(3));
    } catch (ExitedEarly e) {
      if (server.log().contains("org.ispchat")) {
        throw e; // ispchat ran and failed: that is the test's business
      }
      // Payara Micro failed to boot before it reached the application (seen now and then when
      // two start at the same instant: "MonitoringService is null"). An operator's supervisor
      // would start it again; so does the test, once.
      System.out.println("Payara Micro " + name + " failed to boot; starting it once more");
      server = launch(name, port, settings, options);
      server.awaitReady(Duration.ofMinutes(3));
    }
    return server;
  }

  /** The process ended before it was ready. */
  static final class ExitedEarly extends IllegalStateException {
    ExitedEarly(String message) {
      super(message);
    }
  }

  /** Starts Payara Micro and returns at once, for a test that expects the deployment to fail. */
  public static PayaraProcess launch(
      String name, int port, Map<String, String> settings, List<String> options)
      throws IOException {
    Path target = Path.of(System.getProperty("project.build.directory", "target"));
    Path basedir = Path.of(System.getProperty("project.basedir", "."));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms128m");
    command.add("-Xmx512m");
    command.add("-Dhazelcast.socket.bind.any=false");
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            target.resolve("payara-micro.jar").toString(),
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--prebootcommandfile",
            basedir.resolve("server-config/payara/loopback.asadmin").toString(),
            "--deploy",
            target.resolve("ispchat.war").toString(),
            "--contextroot",
            "/"));
    command.addAll(options);
    File log = target.resolve(name + ".log").toFile();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .directory(target.toFile())
            .start();
    return new PayaraProcess(process, port, log);
  }

  /** What the server has logged so far (its standard output and error). */
  public String log() throws IOException {
    return java.nio.file.Files.readString(log.toPath());
  }

  /**
   * What a node under test is configured with: this database, the Meta app secret and verify token
   * the tests sign with, the fake Graph API on {@code graphPort}, the admin password of the run.
   */
  public static Map<String, String> settings(TestDatabase db, int graphPort) {
    Map<String, String> settings = new java.util.HashMap<>(db.settings());
    settings.put("whatsapp.app-secret", MetaWebhooks.APP_SECRET);
    settings.put("whatsapp.verify-token", MetaWebhooks.VERIFY_TOKEN);
    settings.put("whatsapp.access-token", "node-under-test-token");
    settings.put("whatsapp.graph-url", "http://127.0.0.1:" + graphPort + "/v23.0");
    settings.put("whatsapp.phone-number-id", MetaWebhooks.PHONE_NUMBER_ID);
    // Billing notices go at once whatever the hour the tests run at.
    settings.put("ispchat.send-window", "00:00-24:00");
    settings.put(
        "ispchat.admin.password", System.getProperty("it.admin.password", "it-admin-password"));
    return settings;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Like a power cut for the JVM: no shutdown hooks, no flushing, nothing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private void awaitReady(Duration within) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ExitedEarly("Payara Micro exited early; see " + log);
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(base().resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Payara Micro was not ready within " + within + "; see " + log);
  }
}
