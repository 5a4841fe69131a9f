package org.ispchat.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** How the requests of one phase (or one client of it) were answered. Thread-safe. */
final class Outcomes {

  final Latencies latencies = new Latencies();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong non2xx = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();

  /** An HTTP answer, 2xx or not; its latency counts either way. */
  void answered(int status, long latencyNanos) {
    answered.incrementAndGet();
    latencies.add(latencyNanos);
    if (status / 100 != 2) {
      non2xx.incrementAndGet();
      firstProblem.compareAndSet(null, "HTTP " + status);
    }
  }

  /** No HTTP answer at all: refused, reset or timed out. */
  void failed(Throwable cause) {
    failures.incrementAndGet();
    firstProblem.compareAndSet(null, cause.toString());
  }

  void addAll(Outcomes other) {
    latencies.addAll(other.latencies);
    answered.addAndGet(other.answered.get());
    non2xx.addAndGet(other.non2xx.get());
    failures.addAndGet(other.failures.get());
    if (other.firstProblem.get() != null) {
      firstProblem.compareAndSet(null, other.firstProblem.get());
    }
  }

  long answered() {
    return answered.get();
  }

  long non2xx() {
    return non2xx.get();
  }

  long failures() {
    return failures.get();
  }

  /** The first non-2xx status or error seen, or null: enough to know where to look in the log. */
  String firstProblem() {
    return firstProblem.get();
  }
}
