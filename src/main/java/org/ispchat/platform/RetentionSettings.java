package org.ispchat.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * How long ispchat keeps what people wrote, and the record that they wrote.
 *
 * @param enabled whether this node purges at all (several nodes may; they take different rows)
 * @param messageText how long the words are kept: afterwards the text of a customer's message and
 *     of our reply is removed, and who, when, kind and status remain
 * @param messages how long the rows themselves are kept; idle chats and stray receipts go too
 * @param batchSize rows per transaction: small, so no purge holds a lock for long
 * @param interval time between two purges on this node
 */
public record RetentionSettings(
    boolean enabled, Duration messageText, Duration messages, int batchSize, Duration interval) {

  private static final Logger LOG = Logger.getLogger(RetentionSettings.class.getName());

  public RetentionSettings {
    positive("ispchat.retention.message-text", messageText);
    positive("ispchat.retention.messages", messages);
    positive("ispchat.retention.interval", interval);
    if (messages.compareTo(messageText) < 0) {
      // Relied upon by the purges: a row old enough to be deleted has already lost its text.
      throw new IllegalArgumentException("messages are never kept shorter than their texts");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("ispchat.retention.batch-size must be at least 1");
    }
  }

  public static RetentionSettings from(Config config) {
    return read(key -> config.getOptionalValue(key, String.class));
  }

  /**
   * Reads the settings; a rows period shorter than the text period shortens the text period to
   * match, with a warning: the stricter setting wins, so a slip never keeps words longer than an
   * operator asked. Anything unreadable is refused (the deployment fails naming the key).
   */
  static RetentionSettings read(Function<String, Optional<String>> config) {
    Duration text = period(config, "ispchat.retention.message-text", "P90D");
    Duration rows = period(config, "ispchat.retention.messages", "P400D");
    if (rows.compareTo(text) < 0) {
      LOG.log(
          Level.WARNING,
          "ispchat.retention.messages ({0}) is shorter than ispchat.retention.message-text ({1}):"
              + " message texts are kept for {0} too",
          new Object[] {readable(rows), readable(text)});
      text = rows;
    }
    return new RetentionSettings(
        flag(config, "ispchat.retention.enabled", true),
        text,
        rows,
        number(config, "ispchat.retention.batch-size", 500),
        period(config, "ispchat.retention.interval", "PT1H"));
  }

  /** Texts of messages from before this instant are forgotten. */
  public Instant textsBefore(Instant now) {
    return now.minus(messageText);
  }

  /** Messages from before this instant are deleted. */
  public Instant rowsBefore(Instant now) {
    return now.minus(messages);
  }

  /**
   * How long one pass may run before it leaves the rest to the next: half the interval, at most
   * five minutes, so passes on one node never overlap and a large first clean-up is spread out.
   */
  public Duration passBudget() {
    Duration half = interval.dividedBy(2);
    Duration cap = Duration.ofMinutes(5);
    return half.compareTo(cap) > 0 ? cap : half;
  }

  /** A period as operators write it: {@code P90D} rather than Duration's {@code PT2160H}. */
  public static String readable(Duration period) {
    return period.toSeconds() % 86_400 == 0 && period.getNano() == 0
        ? "P" + period.toDays() + "D"
        : period.toString();
  }

  private static Duration period(
      Function<String, Optional<String>> config, String key, String fallback) {
    String value = config.apply(key).orElse(fallback).strip();
    Duration period;
    try {
      period = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " must be an ISO-8601 duration such as " + fallback + ", not '" + value + "'", e);
    }
    positive(key, period);
    return period;
  }

  private static int number(Function<String, Optional<String>> config, String key, int fallback) {
    String value = config.apply(key).map(String::strip).orElse(null);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
    }
  }

  private static boolean flag(
      Function<String, Optional<String>> config, String key, boolean fallback) {
    String value = config.apply(key).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse(null);
    if (value == null) {
      return fallback;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false");
    };
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
    }
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    RetentionSettings settings(Config config) {
      return from(config);
    }
  }
}
