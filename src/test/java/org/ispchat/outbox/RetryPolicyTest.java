package org.ispchat.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesPerAttemptWithHalfOfItJittered() {
    RetryPolicy low = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.0);
    RetryPolicy high = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 1.0);
    assertEquals(Duration.ofSeconds(1), low.waitAfter(1, null));
    assertEquals(Duration.ofSeconds(2), high.waitAfter(1, null));
    assertEquals(Duration.ofSeconds(8), low.waitAfter(4, null));
    assertEquals(Duration.ofSeconds(16), high.waitAfter(4, null));
  }

  @Test
  void neverWaitsLongerThanTheCap() {
    RetryPolicy p = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 1.0);
    assertEquals(Duration.ofMinutes(10), p.waitAfter(40, null));
    assertEquals(Duration.ofMinutes(10), p.waitAfter(3, Duration.ofHours(1)));
  }

  @Test
  void aLongerProviderHintWins() {
    RetryPolicy p = new RetryPolicy(Duration.ofMillis(200), Duration.ofMinutes(10), () -> 0.5);
    assertEquals(Duration.ofSeconds(6), p.waitAfter(1, Duration.ofSeconds(6)));
  }
}
