package org.ispchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.ispchat.dialog.DialogTiming;
import org.ispchat.testing.FakeSplynx;
import org.ispchat.testing.IspCustomers;

/**
 * The customer-bot suite ({@code mvn -Pbench verify -Dbench.suite=customer-bot}): what one menu
 * action costs in calls to Splynx and in the bot's own time, and how fast 50 customers asking at
 * once are answered when Splynx is slow.
 *
 * <ol>
 *   <li><b>In process</b>: the real dialog steps with the billing system in memory ({@link
 *       DialogTiming}), no server, no database, no Splynx: the dialog's own time per message.
 *   <li><b>One at a time</b>: one Payara Micro with ispchat against the test suite's FakeSplynx
 *       answering at once; linked customers send each action in turn, one message in flight. Each
 *       turn is timed from the webhook to the reply reaching the Graph API stand-in, and the
 *       requests Splynx received between the two are that turn's (nothing else is in flight).
 *   <li><b>All at once</b>: the stand-in now takes {@code bench.bot.splynx-millis} per answer;
 *       every customer sends the same action at the same moment, several times; "menu", which needs
 *       no Splynx, is the ceiling of the same run.
 * </ol>
 */
final class CustomerBotBenchmark {

  private static final Duration READY_LIMIT = Duration.ofMinutes(3);
  private static final Duration REPLY_LIMIT = Duration.ofSeconds(60);
  private static final int IN_PROCESS_WARMUP_ROUNDS = 200;
  private static final int IN_PROCESS_ROUNDS = 200;
  private static final int ACCOUNT_INFO_CALL_GOAL = 4;
  private static final double DIALOG_P99_GOAL_MS = 5;
  private static final double CONCURRENT_BALANCE_P99_GOAL_MS = 1500;

  /** A menu action as the customer types it, and a piece of the reply that proves it was done. */
  private enum Action {
    MENU("menu"),
    ACCOUNT_INFO("account info"),
    BALANCE("balance"),
    PLAN_LIST("plan list"),
    RECHARGE("recharge");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  private record Customer(String mobile, String id) {}

  /** One action's turns in the one-at-a-time phase. */
  private static final class Sequential {
    final Latencies endToEnd = new Latencies();
    final Latencies afterAck = new Latencies();
    final Map<Integer, Integer> turnsByCalls = new TreeMap<>();
    final Map<String, Integer> duplicates = new TreeMap<>();
    List<String> lastCalls = List.of();
    int turnsWithDuplicates;
  }

  private final BenchSettings settings;
  private final MetaTraffic traffic = new MetaTraffic(1);
  private final AtomicLong cards = new AtomicLong();
  private final List<Customer> customers = new ArrayList<>();
  private FakeSplynx splynx;
  private GraphApiStub graph;
  private WebhookEndpoint ispchat;

  private CustomerBotBenchmark(BenchSettings settings) {
    this.settings = settings;
  }

  static void run(BenchSettings settings) throws IOException, InterruptedException {
    new CustomerBotBenchmark(settings).run();
  }

  private void run() throws IOException, InterruptedException {
    // The two stand-ins are JDK HttpServers, which leave Nagle on: an answer written as headers,
    // then body, waits for the client's delayed ACK (~40 ms on Linux) before the body goes out.
    // Seen as 45 ms per Splynx GET with an "instant" stand-in; real servers (nginx) set
    // TCP_NODELAY. Read once, when the first HttpServer starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    line(
        "ispchat customer-bot benchmark, " + Runtime.getRuntime().availableProcessors() + " cores");
    line(settings.describeCustomerBot());

    line(
        String.format(
            Locale.ROOT,
            "In process: %d customers x %d rounds of each action, after %d warm-up rounds...",
            settings.botCustomers(),
            IN_PROCESS_ROUNDS,
            IN_PROCESS_WARMUP_ROUNDS));
    Map<String, Latencies> inProcess = new LinkedHashMap<>();
    DialogTiming.run(settings.botCustomers(), IN_PROCESS_WARMUP_ROUNDS, IN_PROCESS_ROUNDS)
        .forEach(
            (action, nanos) -> {
              Latencies l = new Latencies();
              for (long n : nanos) {
                l.add(n);
              }
              inProcess.put(action, l);
            });

    Map<Action, Sequential> sequential = new LinkedHashMap<>();
    Map<Action, Latencies> concurrent = new LinkedHashMap<>();
    Map<Action, Double> concurrentCalls = new LinkedHashMap<>();
    try (FakeSplynx stub = FakeSplynx.start(settings.splynxPort());
        GraphApiStub graphStub = GraphApiStub.start(settings.graphPort())) {
      splynx = stub;
      graph = graphStub;
      addCustomers();
      try (PayaraMicroServer server =
          PayaraMicroServer.start(
              settings,
              "customer-bot",
              List.of(
                  "-Dsplynx.url=http://127.0.0.1:" + settings.splynxPort(),
                  "-Dsplynx.api-key=" + FakeSplynx.KEY,
                  "-Dsplynx.api-secret=" + FakeSplynx.SECRET,
                  "-Dsplynx.auth=token",
                  "-Dispchat.phone-region=LY"))) {
        line("Server starting, pid " + server.handle().pid() + ", log " + server.log());
        Duration ready = server.awaitReady(READY_LIMIT);
        line(String.format(Locale.ROOT, "Ready after %.1f s", ready.toMillis() / 1000.0));
        ispchat = server.webhook("ispchat", PayaraMicroServer.ISPCHAT_CONTEXT);

        try (KeepAliveConnection connection = ispchat.connect()) {
          Sequential linking = new Sequential();
          for (Customer c : customers) {
            turn(connection, c, Action.MENU, "hi", linking);
          }
          line(
              "Linked "
                  + customers.size()
                  + " customers with a first \"hi\" each; Splynx calls per first message: "
                  + linking.turnsByCalls
                  + " (calls=turns), e.g. "
                  + linking.lastCalls);
          line("One at a time, Splynx answering at once: 1 warm-up round...");
          Map<Action, Sequential> warmup = new LinkedHashMap<>();
          round(connection, warmup);
          line(settings.botRounds() + " measured rounds...");
          for (int r = 0; r < settings.botRounds(); r++) {
            round(connection, sequential);
          }
        }
        printSequential(inProcess, sequential);

        splynx.latency(settings.botSplynxLatency());
        ExecutorService senders =
            Executors.newFixedThreadPool(customers.size(), Threads.daemon("customer"));
        List<KeepAliveConnection> connections = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
          connections.add(ispchat.connect());
        }
        try {
          for (Action action : List.of(Action.MENU, Action.BALANCE, Action.ACCOUNT_INFO)) {
            line(
                String.format(
                    Locale.ROOT,
                    "All at once, Splynx answering in %d ms: %d customers send \"%s\", %d times...",
                    settings.botSplynxLatency().toMillis(),
                    customers.size(),
                    words(action, customers.get(0)),
                    settings.botRounds()));
            Latencies latencies = new Latencies();
            int callsBefore = splynx.requests().size();
            for (int r = 0; r < settings.botRounds(); r++) {
              burst(action, senders, connections, latencies);
            }
            concurrent.put(action, latencies);
            concurrentCalls.put(
                action,
                (splynx.requests().size() - callsBefore)
                    / (double) (customers.size() * settings.botRounds()));
            line("  " + percentiles(latencies.percentiles()));
          }
        } finally {
          connections.forEach(KeepAliveConnection::close);
          senders.shutdownNow();
        }
      }
    }
    summary(inProcess, sequential, concurrent, concurrentCalls);
  }

  /**
   * Customers as {@link IspCustomers} makes them for the integration tests (a plan, two others to
   * change to, a service), the number in the local form an ISP types, online with usage counted.
   */
  private void addCustomers() {
    Set<String> mobiles = new HashSet<>();
    while (customers.size() < settings.botCustomers()) {
      String mobile = IspCustomers.newMobile();
      if (!mobiles.add(mobile)) {
        continue;
      }
      String id = IspCustomers.add(splynx, IspCustomers.local(mobile), "37.5");
      splynx.online(id, id + "7").ipv4("10.9.8.7");
      splynx.fupUsage(id + "7", 100L << 30, 25L << 30);
      customers.add(new Customer(mobile, id));
    }
  }

  /** Every customer sends every action once, one message in flight. */
  private void round(KeepAliveConnection connection, Map<Action, Sequential> into)
      throws IOException, InterruptedException {
    for (Customer c : customers) {
      for (Action action : Action.values()) {
        turn(
            connection,
            c,
            action,
            words(action, c),
            into.computeIfAbsent(action, a -> new Sequential()));
      }
    }
  }

  private void turn(
      KeepAliveConnection connection, Customer c, Action action, String words, Sequential into)
      throws IOException, InterruptedException {
    MetaTraffic.Delivery delivery = traffic.says(c.mobile(), words);
    int before = splynx.requests().size();
    CompletableFuture<GraphApiStub.Message> reply = graph.expectMessageTo(c.mobile());
    long sent = System.nanoTime();
    int status = ispchat.send(connection, delivery);
    long acked = System.nanoTime();
    if (status != 200) {
      throw new IllegalStateException("\"" + words + "\" got HTTP " + status);
    }
    GraphApiStub.Message message = await(reply, words);
    check(action, c, words, message);
    into.endToEnd.add(message.arrived() - sent);
    into.afterAck.add(message.arrived() - acked);
    List<FakeSplynx.Request> all = splynx.requests();
    List<String> calls = new ArrayList<>();
    for (FakeSplynx.Request r : all.subList(before, all.size())) {
      calls.add(
          r.method()
              + " "
              + r.path()
              + (r.query().isEmpty() ? "" : "?" + r.query())
              + " "
              + r.status());
    }
    into.turnsByCalls.merge(calls.size(), 1, Integer::sum);
    into.lastCalls = calls.stream().map(CustomerBotBenchmark::generic).toList();
    Set<String> seen = new HashSet<>();
    boolean duplicate = false;
    for (String call : calls) {
      if (!seen.add(call)) {
        duplicate = true;
        into.duplicates.merge(generic(call), 1, Integer::sum);
      }
    }
    if (duplicate) {
      into.turnsWithDuplicates++;
    }
  }

  /**
   * Every customer sends the action at the same moment, each on its own connection; each message is
   * timed from its own send to its reply.
   */
  private void burst(
      Action action, ExecutorService senders, List<KeepAliveConnection> connections, Latencies into)
      throws InterruptedException {
    int n = customers.size();
    List<MetaTraffic.Delivery> deliveries = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<CompletableFuture<GraphApiStub.Message>> replies = new ArrayList<>();
    for (Customer c : customers) {
      String w = words(action, c);
      words.add(w);
      deliveries.add(traffic.says(c.mobile(), w));
      replies.add(graph.expectMessageTo(c.mobile()));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> sends = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      sends.add(
          senders.submit(
              () -> {
                go.await();
                long sent = System.nanoTime();
                int status = ispchat.send(connections.get(k), deliveries.get(k));
                if (status != 200) {
                  throw new IllegalStateException("\"" + words.get(k) + "\" got HTTP " + status);
                }
                return sent;
              }));
    }
    go.countDown();
    for (int i = 0; i < n; i++) {
      long sent = Threads.await(sends.get(i), REPLY_LIMIT);
      GraphApiStub.Message message = await(replies.get(i), words.get(i));
      check(action, customers.get(i), words.get(i), message);
      into.add(message.arrived() - sent);
    }
  }

  private String words(Action action, Customer c) {
    return switch (action) {
      case MENU -> "menu";
      case ACCOUNT_INFO -> "1";
      case BALANCE -> "3";
      case PLAN_LIST -> "4";
      case RECHARGE -> {
        // A card of its own per turn, shaped like Splynx's serie-prefix-code.
        String code = "2026-bench-" + c.id() + "x" + cards.incrementAndGet();
        splynx.refillCard(code, "10");
        yield "recharge " + code;
      }
    };
  }

  /** What the customer was told proves the action was carried out, not refused or misread. */
  private static void check(Action action, Customer c, String words, GraphApiStub.Message reply) {
    String expected =
        switch (action) {
          case MENU -> "Please choose from the options below";
          case ACCOUNT_INFO -> "Username: user" + c.id();
          case BALANCE -> "Your current balance is";
          case PLAN_LIST -> "plan." + c.id() + "2";
          case RECHARGE -> "Recharge successful";
        };
    if (!reply.body().contains(expected)) {
      throw new IllegalStateException(
          "\"" + words + "\" from " + c.mobile() + " was answered with " + reply.body());
    }
  }

  private static GraphApiStub.Message await(
      CompletableFuture<GraphApiStub.Message> reply, String words) throws InterruptedException {
    try {
      return reply.get(REPLY_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no reply to \"" + words + "\" within " + REPLY_LIMIT, e);
    }
  }

  /** A request without its ids, so the same call for two customers reads the same. */
  private static String generic(String call) {
    return call.replaceAll("\\d{4,}", "{id}");
  }

  private void printSequential(Map<String, Latencies> inProcess, Map<Action, Sequential> turns) {
    for (Action action : Action.values()) {
      Sequential s = turns.get(action);
      line(
          String.format(
              Locale.ROOT,
              "  %-13s Splynx calls per turn %s, turns with a duplicate call %d; in process %s;"
                  + " webhook to reply %s; ack to reply %s",
              action.label,
              s.turnsByCalls,
              s.turnsWithDuplicates,
              p50p99(inProcess.get(action.label).percentiles()),
              p50p99(s.endToEnd.percentiles()),
              p50p99(s.afterAck.percentiles())));
      line("                calls: " + s.lastCalls);
      if (!s.duplicates.isEmpty()) {
        line("                duplicated: " + s.duplicates);
      }
    }
  }

  private void summary(
      Map<String, Latencies> inProcess,
      Map<Action, Sequential> sequential,
      Map<Action, Latencies> concurrent,
      Map<Action, Double> concurrentCalls) {
    String row = "%-13s %-14s %-10s %-22s %-22s %-22s%n";
    System.out.println();
    System.out.println("=".repeat(110));
    System.out.printf(
        Locale.ROOT,
        "Customer bot summary (%s, %d cores; p50 / p99)%n",
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors());
    System.out.println("-".repeat(110));
    System.out.printf(
        Locale.ROOT,
        row,
        "action",
        "Splynx calls",
        "duplicates",
        "dialog in process",
        "webhook->reply",
        "ack->reply");
    System.out.printf(
        Locale.ROOT, row, "", "per turn", "(turns)", "(no DB, no Splynx)", "(Splynx instant)", "");
    boolean callsMet = true;
    boolean duplicatesMet = true;
    boolean dialogMet = true;
    for (Action action : Action.values()) {
      Sequential s = sequential.get(action);
      Latencies.Percentiles dialog = inProcess.get(action.label).percentiles();
      System.out.printf(
          Locale.ROOT,
          row,
          action.label,
          callsText(s.turnsByCalls),
          Integer.toString(s.turnsWithDuplicates),
          p50p99(dialog),
          p50p99(s.endToEnd.percentiles()),
          p50p99(s.afterAck.percentiles()));
      if (action == Action.ACCOUNT_INFO) {
        callsMet = s.turnsByCalls.keySet().stream().allMatch(n -> n <= ACCOUNT_INFO_CALL_GOAL);
      }
      duplicatesMet &= s.turnsWithDuplicates == 0;
      dialogMet &= dialog.p99() <= DIALOG_P99_GOAL_MS;
    }
    System.out.println("-".repeat(110));
    System.out.printf(
        Locale.ROOT,
        "%d customers at once, Splynx answering in %d ms, %d bursts each (webhook -> reply):%n",
        customers.size(),
        settings.botSplynxLatency().toMillis(),
        settings.botRounds());
    for (Map.Entry<Action, Latencies> e : concurrent.entrySet()) {
      Latencies.Percentiles p = e.getValue().percentiles();
      System.out.printf(
          Locale.ROOT,
          "  %-13s %s; Splynx calls per message %.2f%s%n",
          e.getKey().label,
          percentiles(p),
          concurrentCalls.get(e.getKey()),
          e.getKey() == Action.MENU ? "  (ceiling: no Splynx)" : "");
    }
    System.out.println("-".repeat(110));
    Latencies.Percentiles balance = concurrent.get(Action.BALANCE).percentiles();
    System.out.printf(
        Locale.ROOT,
        "Goals: account info <= %d Splynx calls: %s; no call twice in a turn: %s; dialog p99 <="
            + " %.0f ms: %s; balance, %d at once, p99 <= %.1f s: %s (%.0f ms)%n",
        ACCOUNT_INFO_CALL_GOAL,
        verdict(callsMet),
        verdict(duplicatesMet),
        DIALOG_P99_GOAL_MS,
        verdict(dialogMet),
        customers.size(),
        CONCURRENT_BALANCE_P99_GOAL_MS / 1000,
        verdict(balance.p99() <= CONCURRENT_BALANCE_P99_GOAL_MS),
        balance.p99());
    System.out.println("=".repeat(110));
  }

  /** "4" when every turn made four calls, "4-5" when they varied. */
  private static String callsText(Map<Integer, Integer> turnsByCalls) {
    int min = turnsByCalls.keySet().stream().min(Integer::compare).orElse(0);
    int max = turnsByCalls.keySet().stream().max(Integer::compare).orElse(0);
    return min == max ? Integer.toString(min) : min + "-" + max;
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String p50p99(Latencies.Percentiles p) {
    return p.p50() < 1
        ? String.format(Locale.ROOT, "%.3f / %.3f ms", p.p50(), p.p99())
        : String.format(Locale.ROOT, "%.1f / %.1f ms", p.p50(), p.p99());
  }

  private static String percentiles(Latencies.Percentiles p) {
    return String.format(
        Locale.ROOT,
        "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d messages)",
        p.p50(),
        p.p99(),
        p.max(),
        p.count());
  }

  private static void line(String text) {
    System.out.println(text);
    System.out.flush();
  }
}
