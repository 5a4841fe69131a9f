package org.ispchat.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints each phase as it ends, and the summary table at the end of the run. */
final class Report {

  /** What a run measured; filled phase by phase. */
  static final class Figures {
    Duration startup;
    Duration startupAllInOne;
    ClosedLoop.Result closedAllInOne;
    OpenLoop.Result openAllInOne;
    long rssAtReady;
    long peakRss;
    long rssAfterLoad;
    ClosedLoop.Result closedParseOnly;
    ClosedLoop.Result closedParseOnlyAfter;
    ClosedLoop.Result closedIspchatAfter;
    ClosedLoop.Result closedIspchat;
    OpenLoop.Result openParseOnly;
    OpenLoop.Result openIspchat;
    EndToEnd.Result endToEnd;
    Drain drainAfterClosed;
    Drain drainAfterOpen;
    Drain drainAfterEndToEnd;
    CpuShare atRest;
  }

  /** The wait for a phase's replies: how long it took, and how many were still owed at the end. */
  record Drain(Duration took, long owed) {
    @Override
    public String toString() {
      return owed <= 0
          ? String.format(Locale.ROOT, "replies caught up after %.1f s", took.toMillis() / 1000.0)
          : String.format(
              Locale.ROOT,
              "%,d replies still owed after %.0f s: the next phase runs with that backlog",
              owed,
              took.toMillis() / 1000.0);
    }
  }

  private static final double CLOSED_LOOP_GOAL = 0.80;
  private static final double OPEN_LOOP_P99_GOAL_MS = 50;
  private static final double END_TO_END_P99_GOAL_MS = 250;
  private static final String ROW = "%-44s %-28s %-28s %s%n";
  private static final int WIDTH = 132;

  private final BenchSettings settings;
  private final PrintStream out = System.out;

  Report(BenchSettings settings) {
    this.settings = settings;
  }

  void header() {
    out.printf(
        "ispchat benchmark on JDK %s, %d cores shared by Payara Micro, this load generator and"
            + " anything else running (see the CPU lines)%n",
        Runtime.version(), cores());
    out.println("  " + settings.describe());
  }

  void line(String text) {
    out.println(text);
  }

  ClosedLoop.Result print(ClosedLoop.Result r) {
    Outcomes o = r.outcomes();
    out.printf(
        "  %s: %s req/s, latency p50/p99 %s, non-2xx %d, errors %d, connections %s%n",
        r.endpoint(),
        count(r.perSecond()),
        p50p99(o.latencies.percentiles()),
        o.non2xx(),
        o.failures(),
        connections(r.connections()));
    problems(o);
    out.println("  CPU: " + r.cpu());
    return r;
  }

  OpenLoop.Result print(OpenLoop.Result r) {
    Outcomes o = r.outcomes();
    out.printf(
        "  %s: %,d offered, acknowledgement p50/p99/p99.9 %s, non-2xx %d, errors %d%n",
        r.endpoint(), r.offered(), p50p99p999(o.latencies.percentiles()), o.non2xx(), o.failures());
    Latencies.Percentiles lag = r.scheduleLag().percentiles();
    out.printf(
        Locale.ROOT,
        "  scheduler behind plan p99 %.1f ms, max %.1f ms; peak outstanding %d, connections %s%n",
        lag.p99(),
        lag.max(),
        r.peakOutstanding(),
        connections(r.connections()));
    problems(o);
    out.println("  CPU: " + r.cpu());
    return r;
  }

  EndToEnd.Result print(EndToEnd.Result r) {
    print(r.acknowledgements());
    out.printf(
        "  reply at the Graph API p50/p99/p99.9 %s; unanswered after %d s: %d%n",
        p50p99p999(r.replies().percentiles()), EndToEnd.REPLY_PATIENCE.toSeconds(), r.unanswered());
    return r;
  }

  void summary(Figures f) {
    ClosedLoop.Result ci =
        f.closedIspchatAfter.perSecond() > f.closedIspchat.perSecond()
            ? f.closedIspchatAfter
            : f.closedIspchat;
    ClosedLoop.Result cp =
        f.closedParseOnlyAfter.perSecond() > f.closedParseOnly.perSecond()
            ? f.closedParseOnlyAfter
            : f.closedParseOnly;
    OpenLoop.Result oi = f.openIspchat;
    OpenLoop.Result op = f.openParseOnly;
    EndToEnd.Result e = f.endToEnd;
    double ratio = ci.perSecond() / cp.perSecond();
    Latencies.Percentiles ack = oi.outcomes().latencies.percentiles();
    Latencies.Percentiles reply = e.replies().percentiles();

    out.println();
    out.println("=".repeat(WIDTH));
    out.printf(
        "SUMMARY. The load generator shares the %d cores with the server: read ispchat's figures"
            + " against the parse-only ceiling of this same run.%n",
        cores());
    out.println("-".repeat(WIDTH));
    out.printf(ROW, "figure (intake-only node)", "ispchat", "parse-only ceiling", "goal");
    out.printf(
        ROW,
        String.format(
            "closed loop, %d clients, %d s: throughput", ci.clients(), secs(ci.measured())),
        count(ci.perSecond()) + " req/s",
        count(cp.perSecond()) + " req/s",
        String.format(
            Locale.ROOT,
            "ispchat/ceiling = %.0f %% (>= %.0f %%): %s",
            ratio * 100,
            CLOSED_LOOP_GOAL * 100,
            verdict(ratio >= CLOSED_LOOP_GOAL)));
    out.printf(
        ROW,
        "  latency p50 / p99",
        p50p99(ci.outcomes().latencies.percentiles()),
        p50p99(cp.outcomes().latencies.percentiles()),
        "");
    out.printf(ROW, "  non-2xx / errors", errors(ci.outcomes()), errors(cp.outcomes()), "");
    out.printf(
        ROW,
        String.format("open loop, %s/s, %d s: ack p50/p99/p99.9", count(oi.rate()), secs(oi)),
        p50p99p999(ack),
        p50p99p999(op.outcomes().latencies.percentiles()),
        String.format(
            Locale.ROOT,
            "p99 <= %.0f ms: %s",
            OPEN_LOOP_P99_GOAL_MS,
            verdict(ack.p99() <= OPEN_LOOP_P99_GOAL_MS)));
    out.printf(ROW, "  non-2xx / errors", errors(oi.outcomes()), errors(op.outcomes()), "");
    out.println("-".repeat(WIDTH));
    out.println(
        "The same traffic on an all-in-one node (also answers every text, sends the replies, applies"
            + " the receipts):");
    ClosedLoop.Result ca = f.closedAllInOne;
    OpenLoop.Result oa = f.openAllInOne;
    out.printf(
        ROW,
        String.format(
            "closed loop, %d clients, %d s: throughput", ca.clients(), secs(ca.measured())),
        count(ca.perSecond()) + " req/s",
        count(cp.perSecond()) + " req/s",
        String.format(
            Locale.ROOT, "%.0f %% of the ceiling", 100 * ca.perSecond() / cp.perSecond()));
    out.printf(ROW, "  latency p50 / p99", p50p99(ca.outcomes().latencies.percentiles()), "", "");
    out.printf(
        ROW,
        String.format("open loop, %s/s, %d s: ack p50/p99/p99.9", count(oa.rate()), secs(oa)),
        p50p99p999(oa.outcomes().latencies.percentiles()),
        "",
        "");
    out.printf(
        ROW,
        String.format(
            "end to end, %s texts/s, %d s: reply p50/p99",
            count(e.acknowledgements().rate()), secs(e.acknowledgements())),
        p50p99(reply),
        "-",
        String.format(
            Locale.ROOT,
            "p99 <= %.0f ms: %s",
            END_TO_END_P99_GOAL_MS,
            verdict(reply.p99() <= END_TO_END_P99_GOAL_MS)));
    out.printf(
        ROW,
        "  unanswered / non-2xx / errors",
        e.unanswered() + " / " + errors(e.acknowledgements().outcomes()),
        "-",
        "");
    out.printf(
        ROW,
        "all-in-one RSS at ready / peak / after load",
        String.format("%s / %s / %s MiB", mib(f.rssAtReady), mib(f.peakRss), mib(f.rssAfterLoad)),
        "(same server)",
        "");
    out.printf(
        ROW,
        "startup to first 200 on /health/ready",
        String.format(
            Locale.ROOT,
            "%.1f s / %.1f s",
            f.startup.toMillis() / 1000.0,
            f.startupAllInOne.toMillis() / 1000.0),
        "(intake / all-in-one)",
        "");
    out.println("-".repeat(WIDTH));
    out.println("CPU while measuring, in cores of " + cores() + ":");
    out.printf(
        "  closed loop, parse-only:  %s (first run %s req/s, second %s req/s)%n",
        cp.cpu(), count(f.closedParseOnly.perSecond()), count(f.closedParseOnlyAfter.perSecond()));
    out.println("  open loop, parse-only:    " + op.cpu());
    out.printf(
        "  closed loop, ispchat:     %s (first run %s req/s, second %s req/s)%n",
        ci.cpu(), count(f.closedIspchat.perSecond()), count(f.closedIspchatAfter.perSecond()));
    out.println("  open loop, ispchat:       " + oi.cpu());
    out.println("  closed loop, all-in-one:  " + ca.cpu());
    out.println("  open loop, all-in-one:    " + oa.cpu());
    out.println("  end to end:               " + e.acknowledgements().cpu());
    out.println("  at rest after the load:   " + f.atRest);
    out.printf(
        "Load generator: connections used %s (closed loop), %s (open loop); open-loop scheduler"
            + " behind plan p99 %s ms%n",
        connections(ci.connections()),
        connections(oi.connections()),
        String.format(Locale.ROOT, "%.1f", oi.scheduleLag().percentiles().p99()));
    out.println("Outbox of the all-in-one node after each phase:");
    out.println("  closed loop: " + f.drainAfterClosed);
    out.println("  open loop:   " + f.drainAfterOpen);
    out.println("  end to end:  " + f.drainAfterEndToEnd);
    out.println("=".repeat(WIDTH));
  }

  private void problems(Outcomes o) {
    if (o.firstProblem() != null) {
      out.println("  first problem: " + o.firstProblem());
    }
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String connections(int seen) {
    return seen < 0 ? "unknown" : Integer.toString(seen);
  }

  private static String errors(Outcomes o) {
    return o.non2xx() + " / " + o.failures();
  }

  private static String count(double n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }

  private static long secs(Duration d) {
    return Math.round(d.toMillis() / 1000.0);
  }

  private static long secs(OpenLoop.Result r) {
    return secs(r.duration());
  }

  private static String mib(long kib) {
    return kib < 0 ? "?" : Long.toString(Math.round(kib / 1024.0));
  }

  private static String p50p99(Latencies.Percentiles p) {
    return String.format(Locale.ROOT, "%.1f / %.1f ms", p.p50(), p.p99());
  }

  private static String p50p99p999(Latencies.Percentiles p) {
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", p.p50(), p.p99(), p.p999());
  }
}
