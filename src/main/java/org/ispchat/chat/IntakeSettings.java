package org.ispchat.chat;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.ispchat.platform.Backoff;

/**
 * How inbound messages are stored and processed on this node.
 *
 * @param writers threads that write webhook batches to the database (group commit)
 * @param queueCapacity webhook deliveries waiting for a writer before new ones get 503
 * @param commitTimeout how long a webhook request waits for its commit before answering 503
 * @param workers threads that answer chats; 0 makes an intake-only node that stores but does not
 *     answer (another node, or this one after a restart with workers, does)
 * @param maxAttempts tries before a message whose processing keeps failing is marked FAILED
 * @param retryBase first wait after a failed attempt; doubles with each further attempt
 */
public record IntakeSettings(
    int writers,
    int queueCapacity,
    Duration commitTimeout,
    int workers,
    int maxAttempts,
    Duration retryBase) {

  public static IntakeSettings from(Config config) {
    return new IntakeSettings(
        config.getOptionalValue("ispchat.intake.writers", Integer.class).orElse(1),
        config.getOptionalValue("ispchat.intake.queue-capacity", Integer.class).orElse(20_000),
        Duration.parse(
            config.getOptionalValue("ispchat.intake.commit-timeout", String.class).orElse("PT10S")),
        config.getOptionalValue("ispchat.inbound.workers", Integer.class).orElse(24),
        config.getOptionalValue("ispchat.inbound.max-attempts", Integer.class).orElse(5),
        Duration.parse(
            config.getOptionalValue("ispchat.inbound.retry-base", String.class).orElse("PT2S")));
  }

  /** Wait before attempt {@code attempts + 1}: retryBase, 2x, 4x, ... capped at five minutes. */
  public Duration backoffAfter(int attempts) {
    return Backoff.fixed(retryBase, Duration.ofMinutes(5)).waitAfter(attempts, null);
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    IntakeSettings settings(Config config) {
      return from(config);
    }
  }
}
