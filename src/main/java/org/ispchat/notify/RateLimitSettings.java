package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How fast one API key may call, on one node.
 *
 * @param perSecond sustained requests per second per key ({@code ispchat.api.rate-limit}, default
 *     50)
 * @param burst requests a key may make at once after being idle ({@code ispchat.api.burst}, default
 *     200)
 */
public record RateLimitSettings(int perSecond, int burst) {

  // A token every nanosecond is the finest the bucket can count.
  static final int MAX = 1_000_000_000;

  public RateLimitSettings {
    if (perSecond < 1 || perSecond > MAX) {
      throw new IllegalArgumentException(
          "ispchat.api.rate-limit must be a whole number of requests per second, at least 1, not "
              + perSecond);
    }
    if (burst < 1 || burst > MAX) {
      throw new IllegalArgumentException(
          "ispchat.api.burst must be a whole number of requests, at least 1, not " + burst);
    }
  }

  public static RateLimitSettings from(Config config) {
    return read(key -> config.getOptionalValue(key, String.class));
  }

  static RateLimitSettings read(Function<String, Optional<String>> config) {
    return new RateLimitSettings(
        number(config, "ispchat.api.rate-limit", 50), number(config, "ispchat.api.burst", 200));
  }

  private static int number(Function<String, Optional<String>> config, String key, int fallback) {
    String text = config.apply(key).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
    }
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    RateLimitSettings settings(Config config) {
      return from(config);
    }

    /** Reads the settings at deployment, so a mistyped limit fails it, not the first request. */
    void checkAtStart(
        @Observes @Initialized(ApplicationScoped.class) Object started,
        RateLimitSettings settings) {
      // Nothing to do: resolving the parameter has read and checked the settings.
    }
  }
}
