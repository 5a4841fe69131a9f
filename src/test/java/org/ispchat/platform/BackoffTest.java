package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesPerAttemptWithHalfOfItJittered() {
    Backoff low = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.0);
    Backoff high = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 1.0);
    assertEquals(Duration.ofSeconds(1), low.waitAfter(1, null));
    assertEquals(Duration.ofSeconds(2), high.waitAfter(1, null));
    assertEquals(Duration.ofSeconds(8), low.waitAfter(4, null));
    assertEquals(Duration.ofSeconds(16), high.waitAfter(4, null));
  }

  @Test
  void neverWaitsLongerThanTheCap() {
    Backoff p = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 1.0);
    assertEquals(Duration.ofMinutes(10), p.waitAfter(40, null));
    assertEquals(Duration.ofMinutes(10), p.waitAfter(3, Duration.ofHours(1)));
  }

  @Test
  void aLongerProviderHintWins() {
    Backoff p = new Backoff(Duration.ofMillis(200), Duration.ofMinutes(10), () -> 0.5);
    assertEquals(Duration.ofSeconds(6), p.waitAfter(1, Duration.ofSeconds(6)));
  }

  @Test
  void fixedBackoffDoublesWithoutJitter() {
    Backoff b = Backoff.fixed(Duration.ofSeconds(2), Duration.ofMinutes(5));
    assertEquals(Duration.ofSeconds(2), b.waitAfter(1, null));
    assertEquals(Duration.ofSeconds(16), b.waitAfter(4, null));
    assertEquals(Duration.ofMinutes(5), b.waitAfter(60, null));
  }
}
