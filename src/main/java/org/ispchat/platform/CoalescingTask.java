package org.ispchat.platform;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a piece of work on an executor whenever asked, never twice at once, and once more if it was
 * asked again while running. Many "there is new work" signals thus cost one pass each time.
 */
public final class CoalescingTask {

  private static final Logger LOG = Logger.getLogger(CoalescingTask.class.getName());
  private static final int IDLE = 0;
  private static final int RUNNING = 1;
  private static final int RUNNING_AGAIN = 2;

  private final String name;
  private final Executor executor;
  private final Runnable work;
  private final AtomicInteger state = new AtomicInteger(IDLE);

  public CoalescingTask(String name, Executor executor, Runnable work) {
    this.name = name;
    this.executor = executor;
    this.work = work;
  }

  /** Asks for one more pass; returns at once. */
  public void request() {
    while (true) {
      int s = state.get();
      if (s == IDLE) {
        if (state.compareAndSet(IDLE, RUNNING)) {
          try {
            executor.execute(this::run);
          } catch (RejectedExecutionException shuttingDown) {
            state.set(IDLE);
          }
          return;
        }
      } else if (s == RUNNING) {
        if (state.compareAndSet(RUNNING, RUNNING_AGAIN)) {
          return;
        }
      } else {
        return;
      }
    }
  }

  private void run() {
    while (true) {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> name + " pass failed; the next request or sweep retries");
      }
      if (state.compareAndSet(RUNNING, IDLE)) {
        return;
      }
      state.set(RUNNING);
    }
  }
}
