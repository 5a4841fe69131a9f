package org.ispchat.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed send again: exponential backoff with "equal jitter" (half the wait fixed,
 * half random), so that many messages failing together do not all come back at the same instant. A
 * provider's own hint (Meta's pair-rate advice, say) is respected when it is longer.
 */
public final class RetryPolicy {

  private final Duration base;
  private final Duration cap;
  private final DoubleSupplier random;

  public RetryPolicy(Duration base, Duration cap, DoubleSupplier random) {
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /** The wait after the {@code attempts}-th failed try (1 = the first try failed). */
  public Duration waitAfter(int attempts, Duration providerHint) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    long exponential = Math.min(base.toMillis() * factor, cap.toMillis());
    long half = exponential / 2;
    long jittered = half + (long) (random.getAsDouble() * (exponential - half));
    Duration wait = Duration.ofMillis(jittered);
    if (providerHint != null && providerHint.compareTo(wait) > 0) {
      wait = providerHint.compareTo(cap) > 0 ? cap : providerHint;
    }
    return wait;
  }
}
