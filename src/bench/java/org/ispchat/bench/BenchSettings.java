package org.ispchat.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one run does, from {@code -Dbench.*} system properties. A missing or blank value means the
 * default below (the bench profile passes every knob through, blank unless given on the command
 * line).
 *
 * @param target Maven's target directory: the two WARs, payara-micro.jar, the database, the log
 * @param basedir the project root, for {@code server-config/payara/loopback.asadmin}
 * @param port Payara Micro's HTTP port; away from the test suites' 18080-18092
 * @param graphPort port of the Graph API stand-in the server sends replies to
 * @param clients closed loop: concurrent clients, each on its own connection
 * @param warmup closed loop: load before measuring, per endpoint
 * @param closedDuration closed loop: measured time per endpoint
 * @param openRate open loop: webhooks offered per second
 * @param openDuration open loop: time per endpoint
 * @param openConnections open loop: sender threads, each with its own connection
 * @param e2eRate end to end: customer messages per second
 * @param e2eDuration end to end: time
 * @param customers closed and open loop: distinct senders the messages are spread over
 * @param sendsPerSecond {@code whatsapp.max-sends-per-second} of the server (Meta's pacing)
 * @param drainLimit longest wait, after a phase, for the replies it caused to go out
 * @param serverJvmOptions JVM options of the server (heap)
 * @param suite {@code webhook} (the default: intake and reply latency), {@code customer-bot}
 *     ({@link CustomerBotBenchmark}) or {@code billing} ({@link BillingBenchmark})
 * @param splynxPort customer-bot suite: port of the Splynx stand-in
 * @param botCustomers customer-bot suite: linked customers, and how many write at once
 * @param botRounds customer-bot suite: measured rounds of each action per customer
 * @param botSplynxLatency customer-bot suite: how long the Splynx stand-in takes per answer in the
 *     concurrent phase
 * @param billingClients billing suite: closed-loop clients; below ispchat's 40 pooled connections,
 *     because a notice to a new customer holds one connection while it opens the chat in a second
 *     transaction on another (40 such requests at once wait for each other until the pool's
 *     max-wait-time)
 * @param billingPaces billing suite: the {@code whatsapp.max-sends-per-second} values whose pacing
 *     is measured, a node each
 * @param billingPaceSeconds billing suite: each pacing node is given this many seconds' worth of
 *     notices at its rate, queued at once
 */
record BenchSettings(
    Path target,
    Path basedir,
    int port,
    int graphPort,
    int clients,
    Duration warmup,
    Duration closedDuration,
    double openRate,
    Duration openDuration,
    int openConnections,
    double e2eRate,
    Duration e2eDuration,
    int customers,
    double sendsPerSecond,
    Duration drainLimit,
    List<String> serverJvmOptions,
    String suite,
    int splynxPort,
    int botCustomers,
    int botRounds,
    Duration botSplynxLatency,
    int billingClients,
    List<Double> billingPaces,
    double billingPaceSeconds) {

  static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        Path.of(text("bench.target", "target")).toAbsolutePath(),
        Path.of(text("bench.basedir", ".")).toAbsolutePath(),
        integer("bench.port", 38080),
        integer("bench.graph.port", 38090),
        integer("bench.clients", 50),
        seconds("bench.warmup", 10),
        seconds("bench.seconds", 15),
        number("bench.rate", 1000),
        seconds("bench.open.seconds", 20),
        integer("bench.open.connections", 100),
        number("bench.e2e.rate", 100),
        seconds("bench.e2e.seconds", 20),
        integer("bench.customers", 10_000),
        // Meta's upper throughput tier. The default 80/s of a new number is below the 100
        // messages/s the end-to-end goal is set for, and would measure pacing, not ispchat.
        number("bench.sends-per-second", 1000),
        seconds("bench.drain.seconds", 120),
        Arrays.asList(text("bench.server.jvm", "-Xms256m -Xmx768m").trim().split("\\s+")),
        text("bench.suite", "webhook"),
        integer("bench.splynx.port", 38091),
        integer("bench.bot.customers", 50),
        integer("bench.bot.rounds", 5),
        Duration.ofMillis(integer("bench.bot.splynx-millis", 300)),
        integer("bench.billing.clients", 64),
        Arrays.stream(text("bench.billing.paces", "20,80").split("[,\\s]+"))
            .map(Double::parseDouble)
            .toList(),
        number("bench.billing.pace-seconds", 10));
  }

  /** One line for the top of the output: what this run does. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "closed loop %d clients (%d s warm-up + %d s per endpoint); open loop %,.0f webhooks/s for"
            + " %d s over %d connections; end to end %,.0f texts/s for %d s; %,d customers;"
            + " server %s, whatsapp.max-sends-per-second=%,.0f; ports %d and %d",
        clients,
        warmup.toSeconds(),
        closedDuration.toSeconds(),
        openRate,
        openDuration.toSeconds(),
        openConnections,
        e2eRate,
        e2eDuration.toSeconds(),
        customers,
        String.join(" ", serverJvmOptions),
        sendsPerSecond,
        port,
        graphPort);
  }

  /** The customer-bot suite's line for the top of the output. */
  String describeCustomerBot() {
    return String.format(
        Locale.ROOT,
        "%d linked customers; %d measured rounds per action (1 warm-up round first); Splynx"
            + " stand-in instant, then %d ms per answer; server %s; ports %d, %d (Graph API), %d"
            + " (Splynx)",
        botCustomers,
        botRounds,
        botSplynxLatency.toMillis(),
        String.join(" ", serverJvmOptions),
        port,
        graphPort,
        splynxPort);
  }

  /** The billing suite's line for the top of the output. */
  String describeBilling() {
    return String.format(
        Locale.ROOT,
        "closed loop %d clients (%d s warm-up + %d s per phase); %,d customers; pacing at %s"
            + " sends/s, %.0f s' worth of notices each; all-in-one node paced at %,.0f sends/s;"
            + " server %s; ports %d and %d (Graph API)",
        billingClients,
        warmup.toSeconds(),
        closedDuration.toSeconds(),
        customers,
        billingPaces.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList(),
        billingPaceSeconds,
        sendsPerSecond,
        String.join(" ", serverJvmOptions),
        port,
        graphPort);
  }

  private static String text(String key, String fallback) {
    String value = System.getProperty(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int integer(String key, int fallback) {
    return Integer.parseInt(text(key, Integer.toString(fallback)));
  }

  private static double number(String key, double fallback) {
    return Double.parseDouble(text(key, Double.toString(fallback)));
  }

  private static Duration seconds(String key, double fallback) {
    return Duration.ofMillis(Math.round(number(key, fallback) * 1000));
  }
}
