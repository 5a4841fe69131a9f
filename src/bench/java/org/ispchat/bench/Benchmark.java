package org.ispchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark run ({@code mvn -Pbench verify}; {@code -Dbench.suite=customer-bot} runs {@link
 * CustomerBotBenchmark} instead, {@code -Dbench.suite=billing} {@link BillingBenchmark}): one
 * Payara Micro with ispchat and the parse-only WAR, then these phases against it, each printed as
 * it ends and all of them in a summary table.
 *
 * <ol>
 *   <li>closed loop (throughput) and open loop (latency) on the parse-only endpoint: the ceiling,
 *       measured first, while the server has no background work;
 *   <li>the same closed loop on ispchat's webhook, then a wait until the replies it caused are out;
 *   <li>the same open loop on ispchat's webhook, and the wait again;
 *   <li>end to end: texts at a low rate, each timed until its reply reaches the Graph API;
 *   <li>the server at rest: memory after the load and the CPU its background work still uses.
 * </ol>
 */
public final class Benchmark {

  private static final Duration READY_LIMIT = Duration.ofMinutes(3);
  private static final Duration PROBE_LIMIT = Duration.ofSeconds(60);
  private static final Duration AT_REST = Duration.ofSeconds(5);

  private final BenchSettings settings;
  private final MetaTraffic traffic;
  private final Report report;

  private Benchmark(BenchSettings settings) {
    this.settings = settings;
    this.traffic = new MetaTraffic(settings.customers());
    this.report = new Report(settings);
  }

  public static void main(String[] args) {
    int exitCode = 0;
    try {
      BenchSettings settings = BenchSettings.fromSystemProperties();
      switch (settings.suite()) {
        case "webhook" -> new Benchmark(settings).run();
        case "customer-bot" -> CustomerBotBenchmark.run(settings);
        case "billing" -> BillingBenchmark.run(settings);
        default ->
            throw new IllegalArgumentException(
                "bench.suite must be webhook, customer-bot or billing, not " + settings.suite());
      }
    } catch (Exception e) {
      System.err.println("Benchmark failed: " + e);
      e.printStackTrace();
      exitCode = 1;
    }
    // The exit code is what Maven reports: a bench that could not run fails the build.
    System.exit(exitCode);
  }

  /**
   * Two servers, one after the other. The intake goals are measured on an intake-only node (stores
   * every webhook before its 200, answers nothing: {@code inbound.workers=0, outbox.senders=0}),
   * beside the parse-only ceiling on that same server. The end-to-end goal and the throughput of a
   * node that also answers, sends and tracks receipts are measured on an all-in-one node: on two
   * shared cores that work competes with intake, and the report shows by how much.
   */
  private void run() throws IOException, InterruptedException {
    report.header();
    Report.Figures figures = new Report.Figures();
    try (GraphApiStub graph = GraphApiStub.start(settings.graphPort())) {
      try (PayaraMicroServer server =
          PayaraMicroServer.start(
              settings,
              "intake",
              List.of("-Dispchat.inbound.workers=0", "-Dispchat.outbox.senders=0"))) {
        report.line(
            "Intake-only node starting, pid " + server.handle().pid() + ", log " + server.log());
        figures.startup = server.awaitReady(READY_LIMIT);
        report.line(String.format("Ready after %.1f s", figures.startup.toMillis() / 1000.0));
        WebhookEndpoint ispchat = server.webhook("ispchat", PayaraMicroServer.ISPCHAT_CONTEXT);
        WebhookEndpoint parseOnly =
            server.webhook("parse-only", PayaraMicroServer.PARSE_ONLY_CONTEXT);
        probe(ispchat);
        probe(parseOnly);
        try (ServerWatch watch = new ServerWatch(server.handle())) {
          // Each closed loop runs twice, interleaved, and each endpoint's better run counts: the
          // JIT keeps improving the shared HTTP path for tens of seconds, and whichever endpoint
          // went first would otherwise be measured colder (seen: 4,900 then 15,400 req/s).
          figures.closedParseOnly = report.print(closedLoop(parseOnly, watch));
          figures.closedIspchat = report.print(closedLoop(ispchat, watch));
          figures.closedParseOnlyAfter = report.print(closedLoop(parseOnly, watch));
          figures.closedIspchatAfter = report.print(closedLoop(ispchat, watch));
          figures.openParseOnly = report.print(openLoop(parseOnly, watch));
          figures.openIspchat = report.print(openLoop(ispchat, watch));
        }
      }

      try (PayaraMicroServer server = PayaraMicroServer.start(settings, "all-in-one", List.of())) {
        report.line(
            "All-in-one node starting, pid " + server.handle().pid() + ", log " + server.log());
        figures.startupAllInOne = server.awaitReady(READY_LIMIT);
        report.line(
            String.format("Ready after %.1f s", figures.startupAllInOne.toMillis() / 1000.0));
        WebhookEndpoint ispchat = server.webhook("ispchat", PayaraMicroServer.ISPCHAT_CONTEXT);
        probe(ispchat);
        try (ServerWatch watch = new ServerWatch(server.handle())) {
          figures.rssAtReady = watch.rssKiB();
          figures.closedAllInOne = report.print(closedLoop(ispchat, watch));
          figures.drainAfterClosed = drain(graph, ispchat);
          figures.openAllInOne = report.print(openLoop(ispchat, watch));
          figures.drainAfterOpen = drain(graph, ispchat);

          report.line(
              String.format(
                  "End to end: %.0f texts/s for %d s, each from a new customer...",
                  settings.e2eRate(), settings.e2eDuration().toSeconds()));
          figures.endToEnd = report.print(EndToEnd.run(ispchat, traffic, graph, settings, watch));
          figures.drainAfterEndToEnd = drain(graph, ispchat);

          CpuShare.Mark restFrom = watch.mark();
          Thread.sleep(AT_REST.toMillis());
          figures.atRest = CpuShare.between(restFrom, watch.mark());
          figures.rssAfterLoad = watch.rssKiB();
          figures.peakRss = watch.peakRssKiB();
        }
      }
    }
    report.summary(figures);
  }

  private ClosedLoop.Result closedLoop(WebhookEndpoint endpoint, ServerWatch watch)
      throws InterruptedException {
    report.line(
        String.format(
            "Closed loop on %s: %d clients, %d s warm-up, %d s measured...",
            endpoint,
            settings.clients(),
            settings.warmup().toSeconds(),
            settings.closedDuration().toSeconds()));
    return ClosedLoop.run(
        endpoint,
        traffic,
        settings.clients(),
        settings.warmup(),
        settings.closedDuration(),
        settings.port(),
        watch);
  }

  private OpenLoop.Result openLoop(WebhookEndpoint endpoint, ServerWatch watch)
      throws InterruptedException {
    report.line(
        String.format(
            "Open loop on %s: %.0f webhooks/s for %d s...",
            endpoint, settings.openRate(), settings.openDuration().toSeconds()));
    MetaTraffic.Mix mix = traffic.mix();
    return OpenLoop.run(
        endpoint,
        intended -> mix.next(),
        settings.openRate(),
        settings.openDuration(),
        settings.openConnections(),
        settings.port(),
        watch);
  }

  /**
   * Waits until ispchat has sent a reply for every text it accepted, so that one phase's backlog
   * does not run into the next. Bounded: a backlog that does not clear is reported, and the next
   * phase runs with it.
   */
  private Report.Drain drain(GraphApiStub graph, WebhookEndpoint ispchat)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + settings.drainLimit().toNanos();
    long owed;
    while ((owed = ispchat.acceptedTexts() - graph.replies()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Report.Drain drain = new Report.Drain(Duration.ofNanos(System.nanoTime() - start), owed);
    report.line("  " + drain);
    return drain;
  }

  /** One delivery that must get a 200: both WARs are deployed and the signature setup agrees. */
  private void probe(WebhookEndpoint endpoint) throws InterruptedException {
    long deadline = System.nanoTime() + PROBE_LIMIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try (KeepAliveConnection connection = endpoint.connect()) {
        int status = endpoint.send(connection, traffic.probe());
        if (status == 200) {
          return;
        }
        last = "HTTP " + status;
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(endpoint + " did not answer 200 to a signed webhook: " + last);
  }
}
