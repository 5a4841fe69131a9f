package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket, on a clock the test moves by hand. */
class RateLimitsTest {

  private static final long MS = 1_000_000L;

  // Far from zero and negative, so the bucket's wrap-safe arithmetic is exercised.
  private final AtomicLong nanos = new AtomicLong(Long.MIN_VALUE / 2);

  private RateLimits limits(int perSecond, int burst) {
    return new RateLimits(new RateLimitSettings(perSecond, burst), nanos::get);
  }

  private int takeAll(RateLimits limits, long key) {
    int allowed = 0;
    while (limits.take(key).isEmpty()) {
      allowed++;
    }
    return allowed;
  }

  @Test
  void anIdleKeyMayMakeAFullBurstAtOnce() {
    RateLimits limits = limits(50, 200);
    assertEquals(200, takeAll(limits, 1));
    assertEquals(Optional.of(Duration.ofMillis(20)), limits.take(1), "one token in 1/50 s");
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    RateLimits limits = limits(50, 200);
    takeAll(limits, 1);
    nanos.addAndGet(19 * MS);
    assertEquals(Optional.of(Duration.ofMillis(1)), limits.take(1));
    nanos.addAndGet(MS);
    assertEquals(Optional.empty(), limits.take(1));
    assertTrue(limits.take(1).isPresent());
    nanos.addAndGet(1000 * MS);
    assertEquals(50, takeAll(limits, 1), "a second brings fifty");
  }

  @Test
  void aLongIdleTimeFillsTheBucketNoFurtherThanTheBurst() {
    RateLimits limits = limits(50, 200);
    takeAll(limits, 1);
    nanos.addAndGet(Duration.ofHours(5).toNanos());
    assertEquals(200, takeAll(limits, 1));
  }

  @Test
  void aSteadyCallerAtTheRateIsNeverRefused() {
    RateLimits limits = limits(50, 1);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Optional.empty(), limits.take(1), "request " + i);
      nanos.addAndGet(20 * MS);
    }
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    RateLimits limits = limits(10, 5);
    assertEquals(5, takeAll(limits, 1));
    assertEquals(5, takeAll(limits, 2));
    assertTrue(limits.take(1).isPresent());
  }

  @Test
  void theWaitGrowsNotWithRefusedRequests() {
    RateLimits limits = limits(1, 1);
    assertEquals(Optional.empty(), limits.take(1));
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.of(Duration.ofSeconds(1)), limits.take(1));
    }
  }

  @Test
  void concurrentCallersShareTheBurstExactly() throws Exception {
    RateLimits limits = limits(50, 200);
    AtomicInteger allowed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int t = 0; t < 8; t++) {
        pool.submit(
            () -> {
              start.await();
              for (int i = 0; i < 1000; i++) {
                if (limits.take(7).isEmpty()) {
                  allowed.incrementAndGet();
                }
              }
              return null;
            });
      }
      start.countDown();
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    assertEquals(200, allowed.get());
  }

  @Test
  void theRefusalSaysTheLimitsAndWhenToRetryInWholeSeconds() {
    // The Response itself needs a JAX-RS runtime; the ITs of the notification endpoint see it.
    assertEquals(
        "Rate limit exceeded: at most 50 requests per second per API key (burst 200); retry"
            + " after 3 s.",
        RateLimits.detail(3, new RateLimitSettings(50, 200)));
    assertEquals(1, RateLimits.retryAfterSeconds(Duration.ZERO));
    assertEquals(1, RateLimits.retryAfterSeconds(Duration.ofSeconds(1)));
    assertEquals(2, RateLimits.retryAfterSeconds(Duration.ofMillis(1001)));
  }
}
