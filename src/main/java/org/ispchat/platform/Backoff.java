package org.ispchat.platform;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying failed work again: exponential backoff with "equal jitter" (half
 * the wait fixed, half random), so that many things failing together do not all come back at the
 * same instant. A provider's own hint (Meta's pair-rate advice, say) is respected when it is
 * longer. The one home of backoff: the outbox retries sends with it, the intake retries turns with
 * it (without jitter, {@link #fixed}).
 */
public final class Backoff {

  private final Duration base;
  private final Duration cap;
  private final DoubleSupplier random;

  public Backoff(Duration base, Duration cap, DoubleSupplier random) {
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /** No jitter: base, 2x, 4x, ... up to the cap. */
  public static Backoff fixed(Duration base, Duration cap) {
    return new Backoff(base, cap, () -> 1.0);
  }

  /** The wait after the {@code attempts}-th failed try (1 = the first try failed). */
  public Duration waitAfter(int attempts, Duration providerHint) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    long exponential = Math.min(saturatedMultiply(base.toMillis(), factor), cap.toMillis());
    long half = exponential / 2;
    long jittered = half + (long) (random.getAsDouble() * (exponential - half));
    Duration wait = Duration.ofMillis(jittered);
    if (providerHint != null && providerHint.compareTo(wait) > 0) {
      wait = providerHint.compareTo(cap) > 0 ? cap : providerHint;
    }
    return wait;
  }

  private static long saturatedMultiply(long a, long b) {
    long r = a * b;
    return (a != 0 && r / a != b) ? Long.MAX_VALUE : r;
  }
}
