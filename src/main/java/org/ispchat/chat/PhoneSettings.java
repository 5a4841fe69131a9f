package org.ispchat.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How phone numbers typed without a country code are read.
 *
 * @param region the ISO 3166 region of the ISP's customers ({@code ispchat.phone-region}, default
 *     {@code LY}): {@code 0912345678} typed in Splynx is then {@code 218912345678}
 */
public record PhoneSettings(String region) {

  public static final String DEFAULT_REGION = "LY";

  public PhoneSettings {
    if (!PhoneNumber.knownRegion(region)) {
      throw new IllegalArgumentException(
          "ispchat.phone-region must be a two-letter region code such as LY, EG, SA or ZA, not '"
              + region
              + "'");
    }
    region = region.strip().toUpperCase(Locale.ROOT);
  }

  public static PhoneSettings from(Config config) {
    return read(key -> config.getOptionalValue(key, String.class));
  }

  static PhoneSettings read(Function<String, Optional<String>> config) {
    return new PhoneSettings(
        config
            .apply("ispchat.phone-region")
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(DEFAULT_REGION));
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    PhoneSettings settings(Config config) {
      return from(config);
    }

    /** Reads the settings at deployment, so a mistyped region fails it instead of a chat later. */
    void checkAtStart(
        @Observes @Initialized(ApplicationScoped.class) Object started, PhoneSettings settings) {
      // Nothing to do: resolving the parameter has read and checked the settings.
    }
  }
}
