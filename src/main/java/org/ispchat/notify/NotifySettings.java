package org.ispchat.notify;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * How billing notices are handled.
 *
 * @param idempotency how long a repeated request (same instance, invoice, type and phone) returns
 *     the first one's message id instead of sending again
 * @param urgent notice types that go at once, whatever the hour (default: confirmation)
 * @param windowMargin how long before the 24-hour window closes a notice is already sent as a
 *     template: it may wait in the queue a little
 * @param groupSize most notices stored in one transaction
 * @param queueCapacity notices waiting to be stored, beyond which requests get 500 (retry)
 * @param commitTimeout how long a request waits for its notice's commit before a 500
 */
public record NotifySettings(
    Duration idempotency,
    Set<MessageType> urgent,
    Duration windowMargin,
    int groupSize,
    int queueCapacity,
    Duration commitTimeout) {

  public NotifySettings {
    if (idempotency.isNegative() || idempotency.isZero()) {
      throw new IllegalArgumentException("ispchat.notify.idempotency must be positive");
    }
    urgent = urgent.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(urgent));
    if (groupSize < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException(
          "ispchat.notify.group-size and ispchat.notify.queue-capacity must be at least 1");
    }
  }

  public static NotifySettings from(Config config) {
    String urgent =
        config.getOptionalValue("ispchat.notify.urgent-types", String.class).orElse("confirmation");
    Set<MessageType> types = EnumSet.noneOf(MessageType.class);
    for (String part : urgent.split(",")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.isEmpty() || p.equals("none")) {
        continue;
      }
      types.add(
          MessageType.fromWire(p)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "ispchat.notify.urgent-types: '"
                              + p
                              + "' is not one of "
                              + MessageType.listed())));
    }
    return new NotifySettings(
        Duration.parse(
            config.getOptionalValue("ispchat.notify.idempotency", String.class).orElse("P7D")),
        types,
        Duration.parse(
            config.getOptionalValue("ispchat.notify.window-margin", String.class).orElse("PT10M")),
        config.getOptionalValue("ispchat.notify.group-size", Integer.class).orElse(200),
        config.getOptionalValue("ispchat.notify.queue-capacity", Integer.class).orElse(20000),
        Duration.parse(
            config
                .getOptionalValue("ispchat.notify.commit-timeout", String.class)
                .orElse("PT10S")));
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    NotifySettings settings(Config config) {
      return from(config);
    }
  }
}
