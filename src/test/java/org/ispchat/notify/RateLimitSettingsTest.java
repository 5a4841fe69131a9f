package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

  private static RateLimitSettings read(Map<String, String> config) {
    return RateLimitSettings.read(key -> Optional.ofNullable(config.get(key)));
  }

  @Test
  void fiftyASecondWithABurstOfTwoHundredByDefault() {
    assertEquals(new RateLimitSettings(50, 200), read(Map.of()));
    assertEquals(
        new RateLimitSettings(50, 200),
        read(Map.of("ispchat.api.rate-limit", " ", "ispchat.api.burst", "")));
  }

  @Test
  void bothAreConfigurable() {
    assertEquals(
        new RateLimitSettings(500, 20),
        read(Map.of("ispchat.api.rate-limit", "500", "ispchat.api.burst", " 20 ")));
  }

  @Test
  void unusableValuesFailNamingTheKey() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> read(Map.of("ispchat.api.rate-limit", "0")))
            .getMessage()
            .startsWith("ispchat.api.rate-limit"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> read(Map.of("ispchat.api.rate-limit", "2.5")))
            .getMessage()
            .startsWith("ispchat.api.rate-limit"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("ispchat.api.burst", "-1")))
            .getMessage()
            .startsWith("ispchat.api.burst"));
  }
}
