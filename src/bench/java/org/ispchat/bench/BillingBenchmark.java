package org.ispchat.bench;

import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The billing suite ({@code mvn -Pbench verify -Dbench.suite=billing}): how many billing notices
 * one node accepts per second through {@code POST /api/v1/billing/send-notification}, against a
 * parse-only ceiling on the same server, and how closely the outbox keeps to Meta's pace per number
 * when a batch is queued at once.
 *
 * <ol>
 *   <li><b>Intake-only node</b> ({@code ispchat.outbox.senders=0}, {@code inbound.workers=0}:
 *       authenticates, validates, stores and queues every notice before its 200 and sends nothing),
 *       with the parse-only WAR beside it. Closed loop on the parse-only endpoint (the ceiling),
 *       then on ispchat, each twice and interleaved, the better run counting (as the webhook
 *       suite). Then idempotent repeats: every request one ispchat has already accepted. Memory:
 *       RSS sampled throughout, heap in use after the load and after a full collection.
 *   <li><b>All-in-one node</b> (defaults: also sends every notice, paced at {@code
 *       bench.sends-per-second}): the same closed loop, then the wait until every accepted notice
 *       reached the Graph API stand-in.
 *   <li><b>Pacing</b>: a node per {@code bench.billing.paces} value R ({@code
 *       whatsapp.max-sends-per-second=R}); R × {@code bench.billing.pace-seconds} notices are
 *       queued at once, and the arrival of each send at the Graph API stand-in is timed.
 * </ol>
 *
 * Every server has {@code ispchat.api.rate-limit} and {@code burst} far above the load (the per-key
 * limit would otherwise be what is measured) and {@code ispchat.send-window=00:00-24:00} (notices
 * are not deferred to the morning).
 */
final class BillingBenchmark {

  private static final Duration READY_LIMIT = Duration.ofMinutes(3);
  private static final Duration PROBE_LIMIT = Duration.ofSeconds(60);
  private static final Duration AT_REST = Duration.ofSeconds(5);
  private static final double ACCEPTED_GOAL = 2000;
  private static final int REPEATED_NOTICES = 1000;
  private static final int PACING_QUEUERS = 8;
  private static final String[] TYPES = {"payment_reminder", "invoice", "overdue", "confirmation"};
  private static final List<String> UNLIMITED =
      List.of(
          "-Dispchat.api.rate-limit=1000000",
          "-Dispchat.api.burst=1000000",
          "-Dispchat.send-window=00:00-24:00");
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String ROW = "%-50s %-30s %-26s %s%n";
  private static final int WIDTH = 132;

  /** 200s per second and answers by status of one closed loop, timed by when each answer came. */
  private static final class Tally {
    final long origin = System.nanoTime();
    final long measureFrom;
    final long stopAt;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLongArray okBySecond = new AtomicLongArray(3600);
    final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    Tally(BenchSettings settings) {
      measureFrom = origin + settings.warmup().toNanos();
      stopAt = measureFrom + settings.closedDuration().toNanos();
    }

    void answered(int status) {
      long now = System.nanoTime();
      if (status == 200) {
        accepted.incrementAndGet();
        okBySecond.incrementAndGet((int) Math.min(3599, (now - origin) / 1_000_000_000L));
      }
      if (now >= measureFrom && now < stopAt) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
      }
    }

    /** 200s in each whole second of the measured time. */
    long[] perSecond() {
      int from = (int) Math.ceil((measureFrom - origin) / 1e9);
      int to = (int) ((stopAt - origin) / 1_000_000_000L);
      long[] counts = new long[Math.max(0, to - from)];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = okBySecond.get(from + i);
      }
      return counts;
    }

    String statuses() {
      Map<Integer, Long> sorted = new TreeMap<>();
      byStatus.forEach((status, n) -> sorted.put(status, n.sum()));
      StringBuilder text = new StringBuilder();
      sorted.forEach(
          (status, n) ->
              text.append(text.length() == 0 ? "" : ", ")
                  .append(String.format(Locale.ROOT, "%d: %,d", status, n)));
      return text.length() == 0 ? "none" : text.toString();
    }
  }

  /** A closed loop's result with its tally. */
  private record Loop(ClosedLoop.Result result, Tally tally) {
    double perSecond() {
      return result.perSecond();
    }

    Latencies.Percentiles latency() {
      return result.outcomes().latencies.percentiles();
    }
  }

  /** Pacing at one configured rate: what reached the Graph API stand-in, and when. */
  private record Pacing(
      double configured,
      int queued,
      Duration queuedIn,
      long queueErrors,
      int arrived,
      double meanRate,
      int maxInOneSecond,
      double gapMinMs,
      double gapP50Ms,
      double gapMaxMs,
      Duration busy,
      Duration firstSendAfter) {}

  /** Memory of one node. */
  private record Memory(long rssAtReady, long peakRss, long rssAfter, long heapAfter, long live) {}

  private final BenchSettings settings;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong invoices = new AtomicLong();
  private final List<String> phones;

  private BillingBenchmark(BenchSettings settings) {
    this.settings = settings;
    // Libyan mobiles, as the API validates them: 2189[1-4] and 7 digits. Fixed seed: every node
    // (each with a fresh database) sees the same customers.
    Random random = new Random(2189);
    Set<String> distinct = new LinkedHashSet<>();
    while (distinct.size() < settings.customers()) {
      distinct.add(
          String.format(
              Locale.ROOT, "2189%d%07d", 1 + random.nextInt(4), random.nextInt(10_000_000)));
    }
    phones = List.copyOf(distinct);
  }

  static void run(BenchSettings settings) throws IOException, InterruptedException {
    new BillingBenchmark(settings).run();
  }

  private void run() throws IOException, InterruptedException {
    line(
        "ispchat billing notification benchmark on JDK "
            + Runtime.version()
            + ", "
            + cores()
            + " cores shared by Payara Micro, this load generator and anything else running");
    line("  " + settings.describeBilling());
    List<Loop> parseOnlyRuns = new ArrayList<>();
    List<Loop> ispchatRuns = new ArrayList<>();
    Loop repeats;
    Loop allInOne;
    Report.Drain drain;
    Memory intakeMemory;
    Memory allInOneMemory;
    Duration intakeStartup;
    Duration allInOneStartup;
    CpuShare atRest;
    List<Pacing> pacings = new ArrayList<>();
    try (GraphApiStub graph = GraphApiStub.start(settings.graphPort())) {
      List<String> intakeOnly = new ArrayList<>(UNLIMITED);
      intakeOnly.addAll(List.of("-Dispchat.inbound.workers=0", "-Dispchat.outbox.senders=0"));
      try (PayaraMicroServer server =
          PayaraMicroServer.start(settings, "billing-intake", intakeOnly)) {
        intakeStartup = ready(server, "Intake-only node (outbox.senders=0)");
        String key = createKey(server);
        BillingEndpoint ispchat = server.billing("ispchat", PayaraMicroServer.ISPCHAT_CONTEXT);
        BillingEndpoint parseOnly =
            server.billing("parse-only", PayaraMicroServer.PARSE_ONLY_CONTEXT);
        probe(ispchat, key);
        probe(parseOnly, key);
        try (ServerWatch watch = new ServerWatch(server.handle())) {
          long rssAtReady = watch.rssKiB();
          // Interleaved, each endpoint's better run counting: the JIT keeps improving the shared
          // HTTP path for tens of seconds (see the webhook suite).
          parseOnlyRuns.add(print(fresh(parseOnly, key, watch)));
          ispchatRuns.add(print(fresh(ispchat, key, watch)));
          parseOnlyRuns.add(print(fresh(parseOnly, key, watch)));
          ispchatRuns.add(print(fresh(ispchat, key, watch)));
          long heapAfter = watch.heapUsedKiB();
          line(String.format(Locale.ROOT, "  heap in use after the load: %s MiB", mib(heapAfter)));
          repeats = print(repeats(ispchat, key, watch));
          long peak = watch.peakRssKiB();
          long live = watch.liveHeapKiB();
          intakeMemory = new Memory(rssAtReady, peak, watch.rssKiB(), heapAfter, live);
          line("  " + memory(intakeMemory));
        }
      }

      try (PayaraMicroServer server =
          PayaraMicroServer.start(settings, "billing-all-in-one", UNLIMITED)) {
        allInOneStartup =
            ready(
                server,
                String.format(
                    Locale.ROOT,
                    "All-in-one node (8 outbox senders, paced at %,.0f sends/s)",
                    settings.sendsPerSecond()));
        String key = createKey(server);
        BillingEndpoint ispchat = server.billing("ispchat", PayaraMicroServer.ISPCHAT_CONTEXT);
        long sentBefore = graph.replies();
        probe(ispchat, key);
        try (ServerWatch watch = new ServerWatch(server.handle())) {
          long rssAtReady = watch.rssKiB();
          allInOne = print(fresh(ispchat, key, watch));
          drain = drain(graph, sentBefore + 1 + allInOne.tally().accepted.get());
          long heapAfter = watch.heapUsedKiB();
          CpuShare.Mark restFrom = watch.mark();
          Thread.sleep(AT_REST.toMillis());
          atRest = CpuShare.between(restFrom, watch.mark());
          long peak = watch.peakRssKiB();
          long live = watch.liveHeapKiB();
          allInOneMemory = new Memory(rssAtReady, peak, watch.rssKiB(), heapAfter, live);
          line("  at rest after the load: " + atRest);
          line("  " + memory(allInOneMemory));
        }
      }

      for (double rate : settings.billingPaces()) {
        List<String> paced = new ArrayList<>(UNLIMITED);
        paced.add("-Dwhatsapp.max-sends-per-second=" + rate);
        try (PayaraMicroServer server =
            PayaraMicroServer.start(
                settings, String.format(Locale.ROOT, "billing-pace-%.0f", rate), paced)) {
          ready(
              server,
              String.format(
                  Locale.ROOT, "Pacing node (whatsapp.max-sends-per-second=%,.0f)", rate));
          String key = createKey(server);
          BillingEndpoint ispchat = server.billing("ispchat", PayaraMicroServer.ISPCHAT_CONTEXT);
          long before = graph.replies();
          probe(ispchat, key);
          drain(graph, before + 1);
          pacings.add(print(pacing(ispchat, key, graph, rate)));
        }
      }
    }
    summary(
        best(parseOnlyRuns),
        best(ispchatRuns),
        parseOnlyRuns,
        ispchatRuns,
        repeats,
        allInOne,
        drain,
        intakeMemory,
        allInOneMemory,
        intakeStartup,
        allInOneStartup,
        atRest,
        pacings);
  }

  private Duration ready(PayaraMicroServer server, String what) throws InterruptedException {
    line(what + " starting, pid " + server.handle().pid() + ", log " + server.log());
    Duration ready = server.awaitReady(READY_LIMIT);
    line(String.format(Locale.ROOT, "Ready after %.1f s", ready.toMillis() / 1000.0));
    return ready;
  }

  /** Closed loop where every request is a new notice: a new invoice for one of the customers. */
  private Loop fresh(BillingEndpoint endpoint, String key, ServerWatch watch)
      throws InterruptedException {
    line(
        String.format(
            Locale.ROOT,
            "Closed loop on %s: %d clients, %d s warm-up, %d s measured, every notice new...",
            endpoint,
            settings.billingClients(),
            settings.warmup().toSeconds(),
            settings.closedDuration().toSeconds()));
    return loop(endpoint, endpoint.name(), key, watch, this::newNotice);
  }

  /**
   * Closed loop where every request repeats one already accepted: the idempotent answer (the
   * customer's chat locked, the earlier notice found, its message id returned).
   */
  private Loop repeats(BillingEndpoint endpoint, String key, ServerWatch watch)
      throws InterruptedException, IOException {
    List<byte[]> accepted = new ArrayList<>();
    try (KeepAliveConnection connection = endpoint.connect()) {
      for (int i = 0; i < REPEATED_NOTICES; i++) {
        byte[] body = newNotice();
        int status = endpoint.send(connection, body, key);
        if (status != 200) {
          throw new IllegalStateException("a notice to repeat got HTTP " + status);
        }
        accepted.add(body);
      }
    }
    line(
        String.format(
            Locale.ROOT,
            "Closed loop on %s: %d clients, %d s warm-up, %d s measured, every request a repeat of"
                + " one of %,d accepted notices...",
            endpoint,
            settings.billingClients(),
            settings.warmup().toSeconds(),
            settings.closedDuration().toSeconds(),
            accepted.size()));
    return loop(
        endpoint,
        endpoint.name() + " (repeats)",
        key,
        watch,
        () -> accepted.get(ThreadLocalRandom.current().nextInt(accepted.size())));
  }

  private Loop loop(
      BillingEndpoint endpoint,
      String name,
      String key,
      ServerWatch watch,
      java.util.function.Supplier<byte[]> bodies)
      throws InterruptedException {
    Tally tally = new Tally(settings);
    ClosedLoop.Result result =
        ClosedLoop.run(
            name,
            endpoint::connect,
            () ->
                () -> {
                  byte[] body = bodies.get();
                  return connection -> {
                    int status = endpoint.send(connection, body, key);
                    tally.answered(status);
                    return status;
                  };
                },
            settings.billingClients(),
            settings.warmup(),
            settings.closedDuration(),
            settings.port(),
            watch);
    return new Loop(result, tally);
  }

  /** A notice no earlier request matches: its invoice id is new. */
  private byte[] newNotice() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long n = invoices.incrementAndGet();
    int cents = 1000 + random.nextInt(500_000);
    String json =
        "{\"phone_number\":\""
            + phones.get(random.nextInt(phones.size()))
            + "\",\"customer_name\":\"Bench Customer "
            + n
            + "\",\"amount\":"
            + cents / 100
            + "."
            + (cents % 100 < 10 ? "0" : "")
            + cents % 100
            + ",\"currency\":\"LYD\",\"invoice_id\":\"INV-"
            + run
            + "-"
            + n
            + "\",\"due_date\":\"2026-02-15\",\"message_type\":\""
            + TYPES[(int) (n % TYPES.length)]
            + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Queues {@code rate} × {@code bench.billing.pace-seconds} notices as fast as the node takes
   * them, then times each send's arrival at the Graph API stand-in.
   */
  private Pacing pacing(BillingEndpoint endpoint, String key, GraphApiStub graph, double rate)
      throws InterruptedException {
    int count = (int) Math.round(rate * settings.billingPaceSeconds());
    line(
        String.format(
            Locale.ROOT,
            "Pacing at %,.0f sends/s: %,d notices queued by %d clients at once...",
            rate,
            count,
            PACING_QUEUERS));
    long base = graph.replies();
    graph.recordArrivals();
    AtomicLong next = new AtomicLong();
    LongAdder errors = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(PACING_QUEUERS, Threads.daemon("queue"));
    long start = System.nanoTime();
    List<Future<?>> queuers = new ArrayList<>();
    for (int i = 0; i < PACING_QUEUERS; i++) {
      queuers.add(
          pool.submit(
              () -> {
                try (KeepAliveConnection connection = endpoint.connect()) {
                  while (next.getAndIncrement() < count) {
                    try {
                      if (endpoint.send(connection, newNotice(), key) != 200) {
                        errors.increment();
                      }
                    } catch (IOException e) {
                      errors.increment();
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> q : queuers) {
      Threads.await(q, Duration.ofMinutes(2));
    }
    pool.shutdown();
    Duration queuedIn = Duration.ofNanos(System.nanoTime() - start);
    long accepted = count - errors.sum();
    long deadline = System.nanoTime() + Math.round((count / rate * 3 + 30) * 1e9);
    while (graph.replies() - base < accepted && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long[] at = graph.arrivals();
    int arrived = at.length;
    if (arrived < 2) {
      throw new IllegalStateException(arrived + " of " + accepted + " paced notices were sent");
    }
    long span = at[arrived - 1] - at[0];
    int maxInOneSecond = 0;
    for (int i = 0, j = 0; i < arrived; i++) {
      while (j < arrived && at[j] - at[i] < 1_000_000_000L) {
        j++;
      }
      maxInOneSecond = Math.max(maxInOneSecond, j - i);
    }
    long[] gaps = new long[arrived - 1];
    for (int i = 1; i < arrived; i++) {
      gaps[i - 1] = at[i] - at[i - 1];
    }
    Arrays.sort(gaps);
    return new Pacing(
        rate,
        count,
        queuedIn,
        errors.sum(),
        arrived,
        (arrived - 1) / (span / 1e9),
        maxInOneSecond,
        gaps[0] / 1e6,
        gaps[gaps.length / 2] / 1e6,
        gaps[gaps.length - 1] / 1e6,
        Duration.ofNanos(span),
        Duration.ofNanos(at[0] - start));
  }

  /**
   * Waits until the Graph API stand-in has had {@code total} sends, at most bench.drain.seconds.
   */
  private Report.Drain drain(GraphApiStub graph, long total) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + settings.drainLimit().toNanos();
    long owed;
    while ((owed = total - graph.replies()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Report.Drain drain = new Report.Drain(Duration.ofNanos(System.nanoTime() - start), owed);
    line("  " + drain);
    return drain;
  }

  /** An API key with send_message, through the admin API as a deploy script would make it. */
  private static String createKey(PayaraMicroServer server) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (PayaraMicroServer.ADMIN_USER + ":" + PayaraMicroServer.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + server.port()
                        + PayaraMicroServer.ISPCHAT_CONTEXT
                        + "/api/v1/admin/api-keys"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"bench\",\"permissions\":[\"send_message\",\"receive_message\"]}"))
            .build();
    long deadline = System.nanoTime() + PROBE_LIMIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
          try (JsonReader reader = JSON.createReader(new StringReader(r.body()))) {
            return reader.readObject().getString("key");
          }
        }
        last = "HTTP " + r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no API key from the admin API: " + last);
  }

  /** One notice that must get a 200: the WAR is deployed and the key works. */
  private void probe(BillingEndpoint endpoint, String key) throws InterruptedException {
    long deadline = System.nanoTime() + PROBE_LIMIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try (KeepAliveConnection connection = endpoint.connect()) {
        int status = endpoint.send(connection, newNotice(), key);
        if (status == 200) {
          return;
        }
        last = "HTTP " + status;
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(endpoint + " did not answer 200 to a notice: " + last);
  }

  private static Loop best(List<Loop> runs) {
    return runs.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
  }

  private static Loop print(Loop loop) {
    ClosedLoop.Result r = loop.result();
    Outcomes o = r.outcomes();
    Latencies.Percentiles p = loop.latency();
    line(
        String.format(
            Locale.ROOT,
            "  %s: %s answered/s, latency p50/p99/max %.1f / %.1f / %.1f ms, non-2xx %d, errors %d,"
                + " connections %s",
            r.endpoint(),
            count(r.perSecond()),
            p.p50(),
            p.p99(),
            p.max(),
            o.non2xx(),
            o.failures(),
            r.connections() < 0 ? "unknown" : Integer.toString(r.connections())));
    line("  answers by status (measured time): " + loop.tally().statuses());
    line("  200s in each measured second: " + perSecond(loop.tally().perSecond()));
    if (o.firstProblem() != null) {
      line("  first problem: " + o.firstProblem());
    }
    line("  CPU: " + r.cpu());
    return loop;
  }

  private static Pacing print(Pacing p) {
    line(
        String.format(
            Locale.ROOT,
            "  queued %,d in %.2f s (%s/s), %d refused; %,d reached the Graph API, the first %.0f ms"
                + " after queueing began",
            p.queued(),
            p.queuedIn().toNanos() / 1e9,
            count(p.queued() / (p.queuedIn().toNanos() / 1e9)),
            p.queueErrors(),
            p.arrived(),
            p.firstSendAfter().toNanos() / 1e6));
    line(
        String.format(
            Locale.ROOT,
            "  achieved %.2f sends/s over %.2f s (configured %,.0f/s, %.1f %%); most in any 1 s"
                + " window %d; gap between sends min / p50 / max %.1f / %.1f / %.1f ms",
            p.meanRate(),
            p.busy().toNanos() / 1e9,
            p.configured(),
            100 * p.meanRate() / p.configured(),
            p.maxInOneSecond(),
            p.gapMinMs(),
            p.gapP50Ms(),
            p.gapMaxMs()));
    if (p.queued() / (p.queuedIn().toNanos() / 1e9) < p.configured()) {
      line(
          "  the node took notices more slowly than it may send them: the achieved rate is its"
              + " intake, not its pacing");
    }
    return p;
  }

  private void summary(
      Loop parseOnly,
      Loop ispchat,
      List<Loop> parseOnlyRuns,
      List<Loop> ispchatRuns,
      Loop repeats,
      Loop allInOne,
      Report.Drain drain,
      Memory intake,
      Memory allInOneMemory,
      Duration intakeStartup,
      Duration allInOneStartup,
      CpuShare atRest,
      List<Pacing> pacings) {
    System.out.println();
    System.out.println("=".repeat(WIDTH));
    System.out.printf(
        "SUMMARY (billing). The load generator shares the %d cores with the server: read ispchat's"
            + " figures against the parse-only ceiling of this same run.%n",
        cores());
    System.out.println("-".repeat(WIDTH));
    System.out.printf(ROW, "figure (intake-only node)", "ispchat", "parse-only ceiling", "goal");
    System.out.printf(
        ROW,
        String.format(
            Locale.ROOT,
            "closed loop, %d clients, %d s: accepted",
            settings.billingClients(),
            settings.closedDuration().toSeconds()),
        count(ispchat.perSecond()) + " notices/s",
        count(parseOnly.perSecond()) + " req/s",
        String.format(
            Locale.ROOT,
            ">= %s/s: %s (%.0f %% of ceiling)",
            count(ACCEPTED_GOAL),
            verdict(ispchat.perSecond() >= ACCEPTED_GOAL),
            100 * ispchat.perSecond() / parseOnly.perSecond()));
    System.out.printf(
        ROW, "  latency p50 / p99", p50p99(ispchat.latency()), p50p99(parseOnly.latency()), "");
    System.out.printf(
        ROW,
        "  200s per second min / median / max",
        minMedianMax(ispchat.tally().perSecond()),
        minMedianMax(parseOnly.tally().perSecond()),
        "");
    System.out.printf(
        ROW,
        "  answers by status / socket errors",
        ispchat.tally().statuses() + " / " + ispchat.result().outcomes().failures(),
        parseOnly.tally().statuses() + " / " + parseOnly.result().outcomes().failures(),
        "");
    System.out.printf(
        ROW,
        "  first run / second run",
        count(ispchatRuns.get(0).perSecond()) + " / " + count(ispchatRuns.get(1).perSecond()),
        count(parseOnlyRuns.get(0).perSecond()) + " / " + count(parseOnlyRuns.get(1).perSecond()),
        "");
    System.out.printf(
        ROW,
        "idempotent repeats, same loop: answered",
        count(repeats.perSecond()) + " repeats/s",
        "",
        "");
    System.out.printf(
        ROW,
        "  latency p50 / p99; non-200",
        p50p99(repeats.latency()) + "; " + repeats.result().outcomes().non2xx(),
        "",
        "");
    System.out.printf(
        ROW,
        "RSS at ready / peak / after",
        String.format(
            "%s / %s / %s MiB",
            mib(intake.rssAtReady()), mib(intake.peakRss()), mib(intake.rssAfter())),
        "(same server)",
        "");
    System.out.printf(
        ROW,
        "heap in use after load / after full GC",
        String.format("%s / %s MiB", mib(intake.heapAfter()), mib(intake.live())),
        "",
        "");
    System.out.println("-".repeat(WIDTH));
    System.out.printf(
        Locale.ROOT,
        "All-in-one node (also sends every notice, paced at %,.0f/s per number):%n",
        settings.sendsPerSecond());
    System.out.printf(
        ROW,
        "closed loop: accepted",
        count(allInOne.perSecond()) + " notices/s",
        count(parseOnly.perSecond()) + " req/s",
        String.format(
            Locale.ROOT,
            "%.0f %% of the ceiling",
            100 * allInOne.perSecond() / parseOnly.perSecond()));
    System.out.printf(ROW, "  latency p50 / p99", p50p99(allInOne.latency()), "", "");
    System.out.printf(
        ROW,
        "  answers by status / socket errors",
        allInOne.tally().statuses() + " / " + allInOne.result().outcomes().failures(),
        "",
        "");
    System.out.printf(ROW, "  outbox after the loop", drain.toString(), "", "");
    System.out.printf(
        ROW,
        "RSS at ready / peak / after",
        String.format(
            "%s / %s / %s MiB",
            mib(allInOneMemory.rssAtReady()),
            mib(allInOneMemory.peakRss()),
            mib(allInOneMemory.rssAfter())),
        "",
        "");
    System.out.printf(
        ROW,
        "heap in use after load / after full GC",
        String.format("%s / %s MiB", mib(allInOneMemory.heapAfter()), mib(allInOneMemory.live())),
        "",
        "");
    System.out.printf(
        ROW,
        "startup to first 200 on /health/ready",
        String.format(
            Locale.ROOT,
            "%.1f s / %.1f s",
            intakeStartup.toMillis() / 1000.0,
            allInOneStartup.toMillis() / 1000.0),
        "(intake / all-in-one)",
        "");
    System.out.println("-".repeat(WIDTH));
    System.out.println("Pacing (notices queued at once, sends timed at the Graph API stand-in):");
    for (Pacing p : pacings) {
      System.out.printf(
          ROW,
          String.format(
              Locale.ROOT, "max-sends-per-second=%,.0f, %,d notices", p.configured(), p.queued()),
          String.format(Locale.ROOT, "%.2f sends/s achieved", p.meanRate()),
          String.format(Locale.ROOT, "max %d in any 1 s", p.maxInOneSecond()),
          String.format(
              Locale.ROOT,
              "<= %,.0f in any 1 s: %s; %.1f %% of it",
              p.configured(),
              verdict(p.maxInOneSecond() <= Math.ceil(p.configured())),
              100 * p.meanRate() / p.configured()));
      System.out.printf(
          ROW,
          "  gap min / p50 / max; sent / queued",
          String.format(
              Locale.ROOT, "%.1f / %.1f / %.1f ms", p.gapMinMs(), p.gapP50Ms(), p.gapMaxMs()),
          p.arrived() + " / " + p.queued(),
          "");
    }
    System.out.println("-".repeat(WIDTH));
    System.out.println("CPU while measuring, in cores of " + cores() + ":");
    System.out.println("  closed loop, parse-only:   " + parseOnly.result().cpu());
    System.out.println("  closed loop, ispchat:      " + ispchat.result().cpu());
    System.out.println("  repeats, ispchat:          " + repeats.result().cpu());
    System.out.println("  closed loop, all-in-one:   " + allInOne.result().cpu());
    System.out.println("  all-in-one at rest after:  " + atRest);
    System.out.println("=".repeat(WIDTH));
  }

  private static String perSecond(long[] counts) {
    StringBuilder text = new StringBuilder();
    for (long c : counts) {
      text.append(text.length() == 0 ? "" : " ").append(c);
    }
    return text + " (" + minMedianMax(counts) + ")";
  }

  private static String minMedianMax(long[] counts) {
    if (counts.length == 0) {
      return "-";
    }
    long[] sorted = counts.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%,d / %,d / %,d",
        sorted[0],
        sorted[sorted.length / 2],
        sorted[sorted.length - 1]);
  }

  private static String memory(Memory m) {
    return String.format(
        Locale.ROOT,
        "RSS at ready %s MiB, peak %s MiB, after %s MiB; heap in use after the load %s MiB, after a"
            + " full GC %s MiB",
        mib(m.rssAtReady()),
        mib(m.peakRss()),
        mib(m.rssAfter()),
        mib(m.heapAfter()),
        mib(m.live()));
  }

  private static String p50p99(Latencies.Percentiles p) {
    return String.format(Locale.ROOT, "%.1f / %.1f ms", p.p50(), p.p99());
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String count(double n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }

  private static String mib(long kib) {
    return kib < 0 ? "?" : Long.toString(Math.round(kib / 1024.0));
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static void line(String text) {
    System.out.println(text);
    System.out.flush();
  }
}
