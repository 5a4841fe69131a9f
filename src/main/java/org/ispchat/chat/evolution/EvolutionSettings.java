package org.ispchat.chat.evolution;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How long ispchat waits for an Evolution server. The servers themselves, their keys and webhook
 * secrets are per instance (admin API), not configuration.
 */
public record EvolutionSettings(Duration connectTimeout, Duration readTimeout) {

  public static EvolutionSettings from(Config config) {
    return new EvolutionSettings(
        Duration.parse(
            config.getOptionalValue("evolution.connect-timeout", String.class).orElse("PT5S")),
        // Evolution checks the number is on WhatsApp before it sends: a round trip to WhatsApp.
        Duration.parse(
            config.getOptionalValue("evolution.read-timeout", String.class).orElse("PT20S")));
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    EvolutionSettings settings(Config config) {
      return from(config);
    }
  }
}
