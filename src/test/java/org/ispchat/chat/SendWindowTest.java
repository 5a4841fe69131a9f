package org.ispchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SendWindowTest {

  static final ZoneId TRIPOLI = ZoneId.of("Africa/Tripoli"); // UTC+2, no DST

  @Test
  void aNightRequestWaitsForTheMorningInTheInstancesZone() {
    SendWindow w = SendWindow.DEFAULT;
    Instant lateEvening = Instant.parse("2026-11-29T20:30:00Z"); // 22:30 in Tripoli
    assertFalse(w.contains(lateEvening, TRIPOLI));
    assertEquals(Instant.parse("2026-11-30T06:00:00Z"), w.nextOpening(lateEvening, TRIPOLI));
    Instant earlyMorning = Instant.parse("2026-11-30T03:00:00Z"); // 05:00
    assertEquals(Instant.parse("2026-11-30T06:00:00Z"), w.nextOpening(earlyMorning, TRIPOLI));
  }

  @Test
  void aDaytimeRequestGoesAtOnce() {
    Instant noon = Instant.parse("2026-11-29T10:00:00Z");
    assertEquals(noon, SendWindow.DEFAULT.nextOpening(noon, TRIPOLI));
  }

  @Test
  void theWindowOpensAtItsFirstMinuteAndClosesBeforeItsLast() {
    assertTrue(SendWindow.DEFAULT.contains(Instant.parse("2026-11-29T06:00:00Z"), TRIPOLI));
    assertFalse(SendWindow.DEFAULT.contains(Instant.parse("2026-11-29T19:00:00Z"), TRIPOLI));
  }

  @Test
  void allDayAndWindowsPastMidnight() {
    assertTrue(SendWindow.ALWAYS.contains(Instant.parse("2026-11-29T01:00:00Z"), TRIPOLI));
    SendWindow night = SendWindow.parse("22:00-06:00");
    assertTrue(night.contains(Instant.parse("2026-11-29T01:00:00Z"), TRIPOLI)); // 03:00
    assertFalse(night.contains(Instant.parse("2026-11-29T10:00:00Z"), TRIPOLI));
    assertEquals("08:00-24:00", SendWindow.parse("8:00-24:00").toString());
  }

  @Test
  void badWindowsAndZonesAreNamed() {
    assertThrows(IllegalArgumentException.class, () -> SendWindow.parse("8am-9pm"));
    assertThrows(IllegalArgumentException.class, () -> SendWindow.parse("25:00-26:00"));
    assertThrows(IllegalArgumentException.class, () -> SendWindow.parse("08:00-08:00"));
    assertThrows(IllegalArgumentException.class, () -> SendWindow.zone("Mars/Olympus"));
  }
}
