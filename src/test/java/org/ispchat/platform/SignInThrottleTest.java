package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private Instant now = Instant.parse("2026-11-29T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final SignInThrottle throttle =
      new SignInThrottle(new SignInSettings(10, 30, Duration.ofMinutes(15)), clock);

  @Test
  void tenWrongPasswordsLockTheAccountForFifteenMinutes() {
    for (int i = 1; i < 10; i++) {
      assertEquals(Optional.empty(), throttle.recordFailure("admin", "10.0.0." + i));
      assertEquals(Optional.empty(), throttle.lockedFor("admin", "10.0.0.99"));
    }
    assertEquals(Optional.of("account"), throttle.recordFailure("Admin ", "10.0.0.10"));
    assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("admin", "10.0.0.99"));
    now = now.plus(Duration.ofMinutes(14));
    assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("admin", "10.0.0.99"));
    now = now.plus(Duration.ofMinutes(1));
    assertEquals(Optional.empty(), throttle.lockedFor("admin", "10.0.0.99"));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    for (int i = 0; i < 9; i++) {
      throttle.recordFailure("admin", "10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(16));
    assertEquals(Optional.empty(), throttle.recordFailure("admin", "10.0.0.1"));
    assertEquals(Optional.empty(), throttle.lockedFor("admin", "10.0.0.1"));
  }

  @Test
  void aRightPasswordEndsTheAccountsCountButNotTheAddresss() {
    for (int i = 0; i < 9; i++) {
      throttle.recordFailure("admin", "10.0.0.1");
    }
    throttle.recordSuccess("admin");
    assertEquals(Optional.empty(), throttle.recordFailure("admin", "10.0.0.2"));
    for (int i = 0; i < 21; i++) { // with the nine above: thirty from 10.0.0.1
      throttle.recordFailure("user" + i, "10.0.0.1");
    }
    assertTrue(throttle.lockedFor("someone-else", "10.0.0.1").isPresent(), "address locked");
    assertEquals(Optional.empty(), throttle.lockedFor("someone-else", "10.0.0.3"));
  }

  @Test
  void manyNamesFromOneAddressLockTheAddress() {
    Optional<String> last = Optional.empty();
    for (int i = 0; i < 30; i++) {
      last = throttle.recordFailure("guess" + i, "203.0.113.7");
    }
    assertEquals(Optional.of("address"), last);
    assertTrue(throttle.lockedFor("admin", "203.0.113.7").isPresent());
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfNames() {
    for (int i = 0; i < SignInThrottle.MAX_TRACKED + 500; i++) {
      throttle.recordFailure("flood" + i, "198.51.100." + (i % 250));
      now = now.plusMillis(1);
    }
    assertTrue(throttle.trackedAccounts() <= SignInThrottle.MAX_TRACKED);
  }

  @Test
  void anIpv6SubscriberIsCountedByItsSlash64() {
    assertEquals(
        SignInThrottle.addressKey("2001:db8:1:2::1"),
        SignInThrottle.addressKey("2001:db8:1:2::ff"));
    assertTrue(
        !SignInThrottle.addressKey("2001:db8:1:2::1")
            .equals(SignInThrottle.addressKey("2001:db8:1:3::1")));
    assertEquals("203.0.113.7", SignInThrottle.addressKey("203.0.113.7"));
  }

  @Test
  void aUsernameInALogLineHasNoControlCharactersAndAnEnd() {
    assertEquals("evil?name", SignInThrottle.printable("evil\nname"));
    assertEquals(100, SignInThrottle.printable("x".repeat(5000)).length());
  }
}
