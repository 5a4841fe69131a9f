package org.ispchat.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signing in with a console account, throttled: the one place the admin API's HTTP Basic and the
 * console's form login check a password. Returns what happened as a value; the door maps it to 401,
 * 403 or 429.
 */
@ApplicationScoped
public class SignIn {

  private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

  /** What a sign-in attempt came to. */
  public sealed interface Outcome {}

  /** The password is right. */
  public record SignedIn(ConsoleAccount account) implements Outcome {}

  /** Unknown user or wrong password (never told apart). */
  public record Refused() implements Outcome {}

  /** Too many wrong attempts for this account or address: not checked; try again after. */
  public record Locked(Duration retryAfter) implements Outcome {}

  @Inject ConsoleAccounts accounts;
  @Inject SignInSettings settings;
  @Inject Clock clock;

  private SignInThrottle throttle;
  private final AtomicLong refusedWhileLocked = new AtomicLong();
  private final AtomicLong locks = new AtomicLong();

  @PostConstruct
  void start() {
    throttle = new SignInThrottle(settings, clock);
  }

  public Outcome attempt(String username, String password, String address) {
    var locked = throttle.lockedFor(username, address);
    if (locked.isPresent()) {
      refusedWhileLocked.incrementAndGet();
      return new Locked(locked.get());
    }
    var account = accounts.authenticate(username, password);
    if (account.isPresent()) {
      throttle.recordSuccess(username);
      return new SignedIn(account.get());
    }
    throttle
        .recordFailure(username, address)
        .ifPresent(
            what -> {
              locks.incrementAndGet();
              LOG.log(
                  Level.WARNING,
                  "Console sign-in locked ({0}) for {1} minutes: user ''{2}'' from {3}",
                  new Object[] {
                    what, settings.lock().toMinutes(), SignInThrottle.printable(username), address
                  });
            });
    return new Refused();
  }

  /** Sign-ins refused unchecked because their account or address was locked, since start. */
  public long refusedWhileLocked() {
    return refusedWhileLocked.get();
  }

  /** Locks started since start. */
  public long locks() {
    return locks.get();
  }
}
