package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

  private static RetentionSettings read(Map<String, String> config) {
    return RetentionSettings.read(key -> Optional.ofNullable(config.get(key)));
  }

  @Test
  void textsAreKeptNinetyDaysAndMessagesFourHundredByDefault() {
    RetentionSettings s = read(Map.of());
    assertTrue(s.enabled());
    assertEquals(Duration.ofDays(90), s.messageText());
    assertEquals(Duration.ofDays(400), s.messages());
    assertEquals(500, s.batchSize());
    assertEquals(Duration.ofHours(1), s.interval());
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    assertEquals(Instant.parse("2026-08-23T10:00:00Z"), s.textsBefore(now));
    assertEquals(Instant.parse("2025-10-17T10:00:00Z"), s.rowsBefore(now));
  }

  @Test
  void periodsAreIsoDurations() {
    RetentionSettings s =
        read(
            Map.of(
                "ispchat.retention.message-text", "P30D",
                "ispchat.retention.messages", "P180D",
                "ispchat.retention.batch-size", "100",
                "ispchat.retention.interval", "PT10M",
                "ispchat.retention.enabled", "false"));
    assertFalse(s.enabled());
    assertEquals(Duration.ofDays(30), s.messageText());
    assertEquals(Duration.ofDays(180), s.messages());
    assertEquals(100, s.batchSize());
    assertEquals(Duration.ofMinutes(10), s.interval());
  }

  @Test
  void messagesKeptShorterThanTheirTextsTakeTheirTextsWithThem() {
    RetentionSettings s = read(Map.of("ispchat.retention.messages", "P30D"));
    assertEquals(Duration.ofDays(30), s.messages());
    assertEquals(Duration.ofDays(30), s.messageText(), "the stricter setting wins");
  }

  @Test
  void unreadableOrEmptyPeriodsAreRefusedNamingTheKey() {
    var bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> read(Map.of("ispchat.retention.message-text", "90 days")));
    assertTrue(bad.getMessage().startsWith("ispchat.retention.message-text"), bad.getMessage());
    var zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> read(Map.of("ispchat.retention.messages", "PT0S")));
    assertTrue(zero.getMessage().startsWith("ispchat.retention.messages"), zero.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> read(Map.of("ispchat.retention.batch-size", "0")));
    assertThrows(
        IllegalArgumentException.class, () -> read(Map.of("ispchat.retention.enabled", "yes")));
  }

  @Test
  void aPassMayTakeHalfTheIntervalAndAtMostFiveMinutes() {
    assertEquals(
        Duration.ofSeconds(30), read(Map.of("ispchat.retention.interval", "PT1M")).passBudget());
    assertEquals(Duration.ofMinutes(5), read(Map.of()).passBudget());
  }

  @Test
  void periodsAreShownAsOperatorsWriteThem() {
    assertEquals("P90D", RetentionSettings.readable(Duration.ofDays(90)));
    assertEquals("PT1H", RetentionSettings.readable(Duration.ofHours(1)));
  }
}
