package org.ispchat.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounded thread pools for background work, made from the server's managed thread factory so each
 * thread has the application's context (CDI, JNDI, transactions) on Payara and WildFly alike.
 *
 * <p>Own pools rather than the default managed executor: each area sizes its pool from its own
 * setting (a node can run with zero inbound workers, for instance), a busy area cannot starve
 * another, and {@link Lifecycle} can wait for every one of them to finish before the data source
 * goes away.
 */
@ApplicationScoped
public class Workers {

  private static final Logger LOG = Logger.getLogger(Workers.class.getName());

  @Resource ManagedThreadFactory threadFactory;

  private final Map<ExecutorService, String> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * A new pool of {@code threads} threads, named for the logs.
   *
   * @throws IllegalStateException once the application is stopping
   */
  public synchronized ExecutorService pool(String name, int threads) {
    if (closed) {
      throw new IllegalStateException("the application is stopping; no new " + name + " pool");
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), threadFactory);
    pools.put(pool, name);
    return pool;
  }

  /**
   * A one-thread scheduler for delayed nudges (work that must wait a moment without holding a
   * worker), named for the logs and drained like the pools.
   */
  public synchronized ScheduledExecutorService scheduler(String name) {
    if (closed) {
      throw new IllegalStateException("the application is stopping; no new " + name + " scheduler");
    }
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory);
    pools.put(scheduler, name);
    return scheduler;
  }

  /**
   * Lets queued and running work finish until {@code within} has passed, then interrupts what is
   * left and waits a little more. Returns the names of pools whose threads had still not ended: the
   * caller must assume they may yet touch what they use.
   */
  List<String> drain(Duration within) {
    synchronized (this) {
      closed = true;
    }
    pools.keySet().forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + within.toNanos();
    for (ExecutorService pool : pools.keySet()) {
      await(pool, deadline - System.nanoTime());
    }
    List<String> stuck = new ArrayList<>();
    for (var entry : pools.entrySet()) {
      if (!entry.getKey().isTerminated()) {
        entry.getKey().shutdownNow();
        if (!await(entry.getKey(), TimeUnit.SECONDS.toNanos(2))) {
          stuck.add(entry.getValue());
        }
      }
    }
    if (!stuck.isEmpty()) {
      LOG.log(Level.WARNING, "Background work still running after the drain time: {0}", stuck);
    }
    return stuck;
  }

  private static boolean await(ExecutorService pool, long nanos) {
    try {
      return pool.awaitTermination(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return pool.isTerminated();
    }
  }
}
