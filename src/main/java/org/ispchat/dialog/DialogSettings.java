package org.ispchat.dialog;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.Config;

/**
 * The customer bot's settings, read once. {@code ispchat.currency} is shown with every amount
 * (Splynx has no currency field); {@code ispchat.support-phone} fills the support auto-reply.
 */
public record DialogSettings(
    String currency,
    String supportPhone,
    Duration sessionTimeout,
    Duration linkRecheck,
    Duration handOffTimeout,
    Duration busyPatience,
    ZoneId zone) {

  public DialogSettings {
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "ispchat.currency must be an ISO 4217 code such as LYD, got '" + currency + "'");
    }
    positive("ispchat.session-timeout", sessionTimeout);
    positive("ispchat.link-recheck", linkRecheck);
    positive("ispchat.handoff.timeout", handOffTimeout);
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    DialogSettings settings(Config config) {
      return from(config);
    }
  }

  static DialogSettings from(Config config) {
    return new DialogSettings(
        text(config, "ispchat.currency", "LYD").toUpperCase(java.util.Locale.ROOT),
        text(config, "ispchat.support-phone", "our support line"),
        Duration.parse(text(config, "ispchat.session-timeout", "PT30M")),
        Duration.parse(text(config, "ispchat.link-recheck", "PT15M")),
        Duration.parse(text(config, "ispchat.handoff.timeout", "PT24H")),
        Duration.parse(text(config, "ispchat.splynx-busy-patience", "PT6S")),
        config
            .getOptionalValue("ispchat.time-zone", String.class)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(ZoneId::of)
            .orElse(ZoneId.systemDefault()));
  }

  private static String text(Config config, String key, String fallback) {
    return config
        .getOptionalValue(key, String.class)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .orElse(fallback);
  }

  private static void positive(String key, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration such as PT30M");
    }
  }
}
