package org.ispchat.bench;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Thread plumbing shared by the phases. */
final class Threads {

  private Threads() {}

  /** Daemon threads: a phase that goes wrong must never keep the bench JVM (and server) alive. */
  static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Parks until {@code deadline} ({@link System#nanoTime()}); precise to well under 1 ms. */
  static void sleepUntil(long deadline) throws InterruptedException {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  static <T> T await(Future<T> future, Duration limit) throws InterruptedException {
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a load thread failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a load thread did not finish within " + limit, e);
    }
  }
}
