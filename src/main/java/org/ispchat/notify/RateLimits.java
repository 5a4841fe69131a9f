package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.ispchat.platform.JsonErrors;

/** Placeholder until the per-key token bucket lands: allows everything. */
@ApplicationScoped
public class RateLimits {

  public Optional<Duration> take(long keyId) {
    return Optional.empty();
  }

  public static Response tooMany(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(
            JsonErrors.of(429, "Rate limit exceeded; retry after " + seconds + " s."))
        .header("Retry-After", Long.toString(seconds))
        .build();
  }
}
