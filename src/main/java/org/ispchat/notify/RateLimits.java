package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ispchat.platform.JsonErrors;

/**
 * A token bucket per API key, in this node's memory: {@link RateLimitSettings#perSecond()} tokens a
 * second, holding at most {@link RateLimitSettings#burst()}. Nodes do not share buckets, so N nodes
 * behind a balancer allow a key N times the rate; that keeps the check off the database on the
 * notification path.
 *
 * <p>Each bucket is one {@code AtomicLong}, the moment (in {@code System.nanoTime()} terms) at
 * which it would be full again (the "theoretical arrival time" of the generic cell rate algorithm):
 * a request takes a token by moving that moment one interval later, with a compare-and-set and no
 * lock, and is refused when the moment would lie more than a full bucket ahead of now.
 */
@ApplicationScoped
public class RateLimits {

  @Inject RateLimitSettings settings;
  private LongSupplier nanoTime = System::nanoTime;

  private final ConcurrentHashMap<Long, AtomicLong> buckets = new ConcurrentHashMap<>();

  public RateLimits() {}

  RateLimits(RateLimitSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes a token for the key: empty when the request may go on, else how long until one is free.
   */
  public Optional<Duration> take(long keyId) {
    long interval = 1_000_000_000L / settings.perSecond();
    long capacity = interval * settings.burst();
    long now = nanoTime.getAsLong();
    // A new bucket starts full: its full-again moment is now.
    AtomicLong full = buckets.computeIfAbsent(keyId, id -> new AtomicLong(now));
    while (true) {
      long was = full.get();
      // Differences, not comparisons, because nanoTime may wrap.
      long from = was - now < 0 ? now : was;
      long next = from + interval;
      long ahead = next - now;
      if (ahead > capacity) {
        return Optional.of(Duration.ofNanos(ahead - capacity));
      }
      if (full.compareAndSet(was, next)) {
        return Optional.empty();
      }
    }
  }

  /** The 429 answer for a refused request, with Retry-After and the limits in its detail. */
  public Response tooMany(Duration wait) {
    return tooMany(wait, settings);
  }

  static Response tooMany(Duration wait, RateLimitSettings settings) {
    long seconds = retryAfterSeconds(wait);
    return Response.fromResponse(JsonErrors.of(429, detail(seconds, settings)))
        .header("Retry-After", Long.toString(seconds))
        .build();
  }

  static String detail(long seconds, RateLimitSettings settings) {
    return "Rate limit exceeded: at most "
        + settings.perSecond()
        + " requests per second per API key (burst "
        + settings.burst()
        + "); retry after "
        + seconds
        + " s.";
  }

  /** Whole seconds, rounded up and at least one: Retry-After has no fractions. */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
