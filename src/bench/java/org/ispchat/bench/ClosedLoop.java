package org.ispchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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

  /** What one client sends, request after request, over its own connection. */
  interface Client {
    /** Prepares the next request; made before its latency starts, as wrk's are. */
    Request next();
  }

  /** One prepared request. */
  interface Request {
    /** Sends it and returns the HTTP status. */
    int send(KeepAliveConnection connection) throws IOException;
  }

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
    return run(
        endpoint.name(),
        endpoint::connect,
        () -> {
          MetaTraffic.Mix mix = traffic.mix();
          return () -> {
            MetaTraffic.Delivery delivery = mix.next();
            return connection -> endpoint.send(connection, delivery);
          };
        },
        clients,
        warmup,
        measured,
        serverPort,
        watch);
  }

  /**
   * The same loop for any request: {@code newClient} makes each client's sender, {@code connect}
   * its connection.
   */
  static Result run(
      String name,
      Supplier<KeepAliveConnection> connect,
      Supplier<Client> newClient,
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
        Client client = newClient.get();
        results.add(pool.submit(() -> client(connect, client, measureFrom, stopAt)));
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
      return new Result(name, clients, measured, perSecond, all, connections, cpu);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** One client: back to back until {@code stopAt}; counts what it started after the warm-up. */
  private static Outcomes client(
      Supplier<KeepAliveConnection> connect, Client client, long measureFrom, long stopAt) {
    Outcomes outcomes = new Outcomes();
    try (KeepAliveConnection connection = connect.get()) {
      while (!Thread.currentThread().isInterrupted()) {
        Request request = client.next();
        long sent = System.nanoTime();
        if (sent >= stopAt) {
          break;
        }
        boolean counts = sent >= measureFrom;
        try {
          int status = request.send(connection);
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
