package org.ispchat.splynx;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The secret of Splynx's webhook hook ({@code splynx.hook-secret}); unset, hooks are refused. Kept
 * apart from the API client's settings because the two are set up in different Splynx screens.
 * {@link #toString()} masks the secret.
 */
public record SplynxHookSettings(Optional<String> secret) {

  public static SplynxHookSettings from(Config config) {
    return new SplynxHookSettings(
        config
            .getOptionalValue("splynx.hook-secret", String.class)
            .map(String::strip)
            .filter(s -> !s.isEmpty()));
  }

  @Override
  public String toString() {
    return "SplynxHookSettings[secret=" + (secret.isPresent() ? "***" : "-") + "]";
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    SplynxHookSettings settings(Config config) {
      return from(config);
    }
  }
}
