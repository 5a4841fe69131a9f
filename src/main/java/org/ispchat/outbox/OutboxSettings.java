package org.ispchat.outbox;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How the outbox sends.
 *
 * @param senders concurrent sends on this node (0: this node queues but never sends)
 * @param sendsPerSecond pace per sending number on this node (Meta's default tier is 80/s for the
 *     number, inbound and outbound together: divide by the number of nodes)
 * @param maxAttempts tries before a message that keeps failing is given up as FAILED
 * @param retryBase first wait after a passing failure; doubled per attempt, with jitter
 * @param retryCap longest wait between two tries
 * @param lease how long a claimed message is reserved for the node sending it; a node that dies
 *     mid-send loses the claim after this and another node sends it
 */
public record OutboxSettings(
    int senders,
    double sendsPerSecond,
    int maxAttempts,
    Duration retryBase,
    Duration retryCap,
    Duration lease) {

  public static OutboxSettings from(Config config) {
    return new OutboxSettings(
        config.getOptionalValue("ispchat.outbox.senders", Integer.class).orElse(8),
        config.getOptionalValue("whatsapp.max-sends-per-second", Double.class).orElse(80.0),
        config.getOptionalValue("ispchat.outbox.max-attempts", Integer.class).orElse(10),
        duration(config, "ispchat.outbox.retry-base", "PT2S"),
        duration(config, "ispchat.outbox.retry-cap", "PT10M"),
        duration(config, "ispchat.outbox.lease", "PT2M"));
  }

  private static Duration duration(Config config, String key, String fallback) {
    return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    OutboxSettings settings(Config config) {
      return from(config);
    }
  }
}
