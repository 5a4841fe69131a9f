package org.ispchat.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces sends from one sending number evenly at the configured rate. Meta counts messages per
 * number per second and answers 130429 beyond it; pacing here keeps a burst of replies (or a
 * reminder run) under that ceiling instead of discovering it through errors.
 */
public final class SendPacer {

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> nextSlot = new HashMap<>();

  public SendPacer(double perSecond, LongSupplier nanoTime) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    this.nanoTime = nanoTime;
  }

  /** Reserves the next free slot for this number and returns how long to wait for it (ns). */
  public long reserve(String businessNumber) {
    long now = nanoTime.getAsLong();
    synchronized (nextSlot) {
      long slot = Math.max(now, nextSlot.getOrDefault(businessNumber, now));
      nextSlot.put(businessNumber, slot + intervalNanos);
      return slot - now;
    }
  }

  /** Waits for this number's next slot. */
  public void await(String businessNumber) throws InterruptedException {
    long wait = reserve(businessNumber);
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
  }
}
