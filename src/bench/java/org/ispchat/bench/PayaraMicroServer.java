package org.ispchat.bench;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one Payara Micro of a run: ispchat.war at {@code /ispchat} and the parse-only WAR at {@code
 * /bench} side by side, bound to 127.0.0.1 like the test suite's server, with a fresh H2 database
 * and the Graph API stand-in as its Meta. Its output goes to a log file (one line per reply sent
 * would drown the figures). Stopped when closed, and by a shutdown hook if the bench JVM is
 * interrupted first.
 */
final class PayaraMicroServer implements AutoCloseable {

  static final String PARSE_ONLY_CONTEXT = "/bench";
  static final String ISPCHAT_CONTEXT = "/ispchat";
  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "bench-admin-password";

  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Path log;
  private final Thread killOnExit;

  private PayaraMicroServer(Process process, long startedNanos, int port, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.log = log;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-payara-micro");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * @param role names the log file
   * @param appSettings extra {@code -Dkey=value} settings for ispchat (the node's shape); they come
   *     after the common ones, so one given twice (whatsapp.max-sends-per-second) takes their value
   */
  static PayaraMicroServer start(BenchSettings settings, String role, List<String> appSettings)
      throws IOException {
    ensureFree(settings.port());
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path target = settings.target();
    Path benchDir = Files.createDirectories(target.resolve("bench"));
    Path log = benchDir.resolve("payara-micro-" + role + "-" + stamp + ".log");
    Path database = target.resolve("bench-data").resolve("db-" + role + "-" + stamp);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(settings.serverJvmOptions());
    command.addAll(
        List.of(
            "-Dhazelcast.socket.bind.any=false",
            "-Dwhatsapp.verify-token=bench-verify-token",
            "-Dwhatsapp.app-secret=" + MetaTraffic.APP_SECRET,
            "-Dwhatsapp.access-token=bench-access-token",
            "-Dwhatsapp.phone-number-id=" + MetaTraffic.PHONE_NUMBER_ID,
            "-Dwhatsapp.graph-url=http://127.0.0.1:" + settings.graphPort() + "/v23.0",
            "-Dwhatsapp.max-sends-per-second=" + settings.sendsPerSecond(),
            "-Dispchat.db.url=jdbc:h2:file:" + database + ";WRITE_DELAY=0",
            "-Dispchat.admin.password=" + ADMIN_PASSWORD));
    command.addAll(appSettings);
    command.addAll(
        List.of(
            "-jar",
            existing(target.resolve("payara-micro.jar")),
            "--nocluster",
            "--port",
            Integer.toString(settings.port()),
            "--prebootcommandfile",
            existing(settings.basedir().resolve("server-config/payara/loopback.asadmin")),
            "--deploy",
            existing(target.resolve("ispchat.war")),
            // path:context-root (Payara Micro splits on the path separator)
            "--deploy",
            existing(target.resolve("ispchat-parse-only.war")) + ":" + PARSE_ONLY_CONTEXT));
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(benchDir.toFile())
            .start();
    return new PayaraMicroServer(process, started, settings.port(), log);
  }

  /** A server left on the port from an earlier run would answer in place of this one. */
  private static void ensureFree(int port) throws IOException {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
    } catch (BindException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " is in use (a server from an earlier run?); stop it or set -Dbench.port");
    }
  }

  private static String existing(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " is missing; run the bench through mvn -Pbench");
    }
    return file.toString();
  }

  /**
   * Waits for the first 200 from {@code /health/ready} (DOWN until ispchat is deployed and has its
   * database) and returns the time from starting the process to that answer.
   */
  Duration awaitReady(Duration limit) throws InterruptedException {
    long deadline = startedNanos + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + "; see " + log);
      }
      // A new connection each time, so none is left open to count in a phase's connections.
      try (KeepAliveConnection probe =
          new KeepAliveConnection("127.0.0.1", port, Duration.ofSeconds(2))) {
        if (probe.get("/health/ready") == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Payara Micro was not ready within " + limit + "; see " + log);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The WhatsApp webhook of the WAR at {@code context}. */
  WebhookEndpoint webhook(String name, String context) {
    return new WebhookEndpoint(name, port, context + "/webhooks/whatsapp");
  }

  /** The billing notification API of the WAR at {@code context}, for the default instance. */
  BillingEndpoint billing(String name, String context) {
    return new BillingEndpoint(
        name, port, context + "/api/v1/billing/send-notification?instance_id=default");
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /** Asks Payara Micro to stop (SIGTERM, its own shutdown), and kills it if it has not in 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: nothing left to do
    }
  }
}
