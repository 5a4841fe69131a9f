package org.ispchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The throughput phase, like {@code wrk -c<clients>}: every client sends its next delivery as soon
 * as the previous one is answered, over a keep-alive connection of its own, so no shared pool can
 * queue requests in front of the server (the result reports the connections the kernel saw, to
 * confirm it). Requests started during the warm-up are not counted.
 */
final class ClosedLoop {

  record Result(
      String endpoint,
      int clients,
      Duration measured,
      double perSecond,
      Outcomes outcomes,
      int connections,
      CpuShare cpu) {}

  private ClosedLoop() {}

  static Result run(
      WebhookEndpoint endpoint,
      MetaTraffic traffic,
      int clients,
      Duration warmup,
      Duration measured,
      int serverPort,
      ServerWatch watch)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long stopAt = measureFrom + measured.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients, Threads.daemon("closed-loop"));
    List<Future<Outcomes>> results = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        results.add(pool.submit(() -> client(endpoint, traffic.mix(), measureFrom, stopAt)));
      }
      Threads.sleepUntil(measureFrom);
      CpuShare.Mark before = watch.mark();
      Threads.sleepUntil(measureFrom + measured.toNanos() / 2);
      int connections = LoopbackConnections.to(serverPort);
      Threads.sleepUntil(stopAt);
      CpuShare cpu = CpuShare.between(before, watch.mark());
      Outcomes all = new Outcomes();
      for (Future<Outcomes> result : results) {
        all.addAll(Threads.await(result, WebhookEndpoint.REQUEST_TIMEOUT.plusSeconds(5)));
      }
      double perSecond = all.answered() / (measured.toNanos() / 1e9);
      return new Result(endpoint.name(), clients, measured, perSecond, all, connections, cpu);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** One client: back to back until {@code stopAt}; counts what it started after the warm-up. */
  private static Outcomes client(
      WebhookEndpoint endpoint, MetaTraffic.Mix mix, long measureFrom, long stopAt) {
    Outcomes outcomes = new Outcomes();
    try (KeepAliveConnection connection = endpoint.connect()) {
      while (!Thread.currentThread().isInterrupted()) {
        MetaTraffic.Delivery delivery = mix.next();
        long sent = System.nanoTime();
        if (sent >= stopAt) {
          break;
        }
        boolean counts = sent >= measureFrom;
        try {
          int status = endpoint.send(connection, delivery);
          if (counts) {
            outcomes.answered(status, System.nanoTime() - sent);
          }
        } catch (IOException e) {
          if (counts) {
            outcomes.failed(e);
          }
        }
      }
    }
    return outcomes;
  }
}
