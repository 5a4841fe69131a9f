package org.ispchat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the server process from outside, as an operator's tools would: resident memory (VmRSS in
 * /proc/{pid}/status) every 200 ms to catch the peak, CPU marks for {@link CpuShare}, and, when
 * asked, the Java heap in use as {@code jcmd} reports it.
 */
final class ServerWatch implements AutoCloseable {

  // " garbage-first heap   total 262144K, used 123456K [..." (G1); Serial and Parallel print a
  // line per generation, each "total NK, used NK".
  private static final Pattern HEAP_LINE = Pattern.compile("total \\d+K, used (\\d+)K");

  private final ProcessHandle server;
  private final AtomicLong peakRssKiB = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("rss-sampler"));

  ServerWatch(ProcessHandle server) {
    this.server = server;
    sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
  }

  /** Resident memory now, in KiB; -1 when it cannot be read. */
  long rssKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", server.pid() + "", "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone, or this is not Linux
    }
    return -1;
  }

  /** The highest resident memory seen since the watch started, in KiB. */
  long peakRssKiB() {
    sample();
    return peakRssKiB.get();
  }

  /**
   * Java heap in use now, in KiB, from {@code jcmd <pid> GC.heap_info} (live objects and garbage
   * not yet collected); -1 when jcmd cannot tell. Takes a few hundred ms of a core: call it between
   * phases, not during one.
   */
  long heapUsedKiB() {
    return heapUsed(jcmd("GC.heap_info"));
  }

  /**
   * Java heap in use right after a full collection ({@code jcmd GC.run}): what the server really
   * keeps; -1 when jcmd cannot tell.
   */
  long liveHeapKiB() {
    jcmd("GC.run");
    return heapUsedKiB();
  }

  private static long heapUsed(String heapInfo) {
    long used = 0;
    boolean found = false;
    for (String line : heapInfo.split("\\R")) {
      Matcher m = HEAP_LINE.matcher(line);
      if (m.find() && !line.contains("Metaspace") && !line.contains("class space")) {
        used += Long.parseLong(m.group(1));
        found = true;
      }
    }
    return found ? used : -1;
  }

  /** The output of one jcmd command to the server, or "" when it fails. */
  private String jcmd(String command) {
    try {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(server.pid()),
                  command)
              .redirectErrorStream(true)
              .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  CpuShare.Mark mark() {
    return CpuShare.Mark.now(server);
  }

  private void sample() {
    long rss = rssKiB();
    peakRssKiB.accumulateAndGet(rss, Math::max);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
