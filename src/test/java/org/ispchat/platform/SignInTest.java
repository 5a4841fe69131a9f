package org.ispchat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInTest {

  private int passwordChecks;

  private final SignIn signIn = new SignIn();

  SignInTest() {
    signIn.accounts =
        new ConsoleAccounts() {
          @Override
          public Optional<ConsoleAccount> authenticate(String username, String password) {
            passwordChecks++;
            return password.equals("right-password")
                ? Optional.of(
                    new ConsoleAccount(
                        username, password, ConsoleAccount.Role.ADMIN, Instant.EPOCH))
                : Optional.empty();
          }
        };
    signIn.settings = new SignInSettings(3, 100, Duration.ofMinutes(15));
    signIn.clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    signIn.start();
  }

  @Test
  void aLockedAccountIsRefusedWithoutCheckingEvenTheRightPassword() {
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(SignIn.Refused.class, signIn.attempt("admin", "guess", "10.0.0.1"));
    }
    int checked = passwordChecks;
    SignIn.Outcome locked = signIn.attempt("admin", "right-password", "10.0.0.1");
    assertEquals(new SignIn.Locked(Duration.ofMinutes(15)), locked);
    assertEquals(checked, passwordChecks, "no password check while locked");
    assertEquals(1, signIn.locks());
    assertEquals(1, signIn.refusedWhileLocked());
  }

  @Test
  void theRightPasswordSignsIn() {
    assertInstanceOf(SignIn.SignedIn.class, signIn.attempt("admin", "right-password", "10.0.0.1"));
  }
}
