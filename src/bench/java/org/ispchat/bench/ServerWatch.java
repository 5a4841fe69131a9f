package org.ispchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the server process from outside, as an operator's tools would: resident memory (VmRSS in
 * /proc/{pid}/status) every 200 ms to catch the peak, and CPU marks for {@link CpuShare}.
 */
final class ServerWatch implements AutoCloseable {

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
