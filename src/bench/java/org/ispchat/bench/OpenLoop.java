package org.ispchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The latency phase, like wrk2: deliveries are offered at a fixed rate whatever the server does.
 * Each has an intended send time on the schedule and its latency runs from that time, not from when
 * it actually left. When the server holds requests up (or all connections are busy waiting for it),
 * the wait shows in the percentiles instead of quietly lowering the offered rate (coordinated
 * omission). A scheduler thread hands each delivery at its time to a pool of sender threads, each
 * with a keep-alive connection of its own.
 */
final class OpenLoop {

  /** Makes the delivery whose intended send time is {@code intendedNanos}. */
  interface Offer {
    MetaTraffic.Delivery at(long intendedNanos);
  }

  /**
   * @param scheduleLag how late the scheduler handed each delivery over: if this grows, the load
   *     generator itself could not keep the rate (the latencies still count from the schedule)
   * @param peakOutstanding most deliveries handed over and not yet answered at one time
   */
  record Result(
      String endpoint,
      double rate,
      Duration duration,
      long offered,
      Outcomes outcomes,
      Latencies scheduleLag,
      int peakOutstanding,
      int connections,
      CpuShare cpu) {}

  private OpenLoop() {}

  static Result run(
      WebhookEndpoint endpoint,
      Offer offer,
      double rate,
      Duration duration,
      int senders,
      int serverPort,
      ServerWatch watch)
      throws InterruptedException {
    List<KeepAliveConnection> connections = new ArrayList<>();
    ThreadLocal<KeepAliveConnection> own =
        ThreadLocal.withInitial(
            () -> {
              KeepAliveConnection connection = endpoint.connect();
              synchronized (connections) {
                connections.add(connection);
              }
              return connection;
            });
    ExecutorService pool = Executors.newFixedThreadPool(senders, Threads.daemon("open-loop"));
    Outcomes outcomes = new Outcomes();
    Latencies scheduleLag = new Latencies();
    AtomicInteger outstanding = new AtomicInteger();
    AtomicInteger peakOutstanding = new AtomicInteger();
    long offered = Math.round(rate * duration.toNanos() / 1e9);
    int connectionsSeen = -1;
    CpuShare.Mark before = watch.mark();
    try {
      long start = System.nanoTime();
      for (long i = 0; i < offered; i++) {
        long intended = start + Math.round(i * 1e9 / rate);
        Threads.sleepUntil(intended);
        MetaTraffic.Delivery delivery = offer.at(intended);
        scheduleLag.add(System.nanoTime() - intended);
        peakOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
        pool.execute(
            () -> {
              try {
                int status = endpoint.send(own.get(), delivery);
                outcomes.answered(status, System.nanoTime() - intended);
              } catch (IOException e) {
                outcomes.failed(e);
              } finally {
                outstanding.decrementAndGet();
              }
            });
        if (i == offered / 2) {
          connectionsSeen = LoopbackConnections.to(serverPort);
        }
      }
      pool.shutdown();
      // Every request has a read timeout; what is still queued after this was never sent.
      if (!pool.awaitTermination(
          WebhookEndpoint.REQUEST_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
        int neverSent = pool.shutdownNow().size();
        for (int i = 0; i < neverSent; i++) {
          outcomes.failed(new IllegalStateException("never sent: the server did not keep up"));
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
      synchronized (connections) {
        connections.forEach(KeepAliveConnection::close);
      }
    }
    CpuShare cpu = CpuShare.between(before, watch.mark());
    return new Result(
        endpoint.name(),
        rate,
        duration,
        offered,
        outcomes,
        scheduleLag,
        peakOutstanding.get(),
        connectionsSeen,
        cpu);
  }
}
