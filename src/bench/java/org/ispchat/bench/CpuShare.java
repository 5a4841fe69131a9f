package org.ispchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Who used the machine's cores over a stretch of time: the server, this load generator (which runs
 * on the same cores), and every other process. The last one tells a quiet run from a noisy one.
 *
 * @param server cores used by the Payara Micro process
 * @param generator cores used by this JVM: load, Graph API stand-in, watching
 * @param others cores used by anything else, from the machine's totals in /proc/stat
 */
record CpuShare(double server, double generator, double others) {

  /** CPU counters at one moment. */
  record Mark(
      long wallNanos,
      long serverCpuNanos,
      long generatorCpuNanos,
      long machineBusyTicks,
      long machineTicks) {

    static Mark now(ProcessHandle server) {
      long[] machine = readMachineTicks();
      return new Mark(
          System.nanoTime(),
          cpuNanos(server),
          cpuNanos(ProcessHandle.current()),
          machine[0],
          machine[1]);
    }
  }

  static CpuShare between(Mark from, Mark to) {
    double wall = to.wallNanos() - from.wallNanos();
    double server = (to.serverCpuNanos() - from.serverCpuNanos()) / wall;
    double generator = (to.generatorCpuNanos() - from.generatorCpuNanos()) / wall;
    long ticks = to.machineTicks() - from.machineTicks();
    double machine =
        ticks <= 0
            ? Double.NaN
            : Runtime.getRuntime().availableProcessors()
                * (to.machineBusyTicks() - from.machineBusyTicks())
                / (double) ticks;
    return new CpuShare(server, generator, Math.max(0, machine - server - generator));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "server %.2f, load generator %.2f, other processes %.2f cores",
        server,
        generator,
        others);
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Busy and total ticks of all CPUs: the first line of /proc/stat; zeros where there is none. */
  private static long[] readMachineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal
      long total = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
