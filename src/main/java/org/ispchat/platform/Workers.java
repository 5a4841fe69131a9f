package org.ispchat.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bounded thread pools for background work, made from the server's managed thread factory so each
 * thread has the application's context (CDI, JNDI, transactions) on Payara and WildFly alike.
 *
 * <p>Own pools rather than the default managed executor: each area sizes its pool from its own
 * setting (a node can run with zero inbound workers, for instance), and a busy area cannot starve
 * another.
 */
@ApplicationScoped
public class Workers {

  @Resource ManagedThreadFactory threadFactory;

  private final List<ExecutorService> pools = new CopyOnWriteArrayList<>();

  public ExecutorService pool(int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), threadFactory);
    pools.add(pool);
    return pool;
  }

  @PreDestroy
  void stop() {
    pools.forEach(ExecutorService::shutdown);
    for (ExecutorService pool : pools) {
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pool.shutdownNow();
    }
  }
}
