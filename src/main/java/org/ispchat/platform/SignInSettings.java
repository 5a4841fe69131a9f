package org.ispchat.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How hard repeated wrong passwords are stopped, for the admin API and the console alike.
 *
 * @param maxFailuresPerAccount wrong sign-ins for one username before it is locked
 * @param maxFailuresPerAddress wrong sign-ins from one client address (any usernames) before that
 *     address is locked; higher, since an office or a carrier-grade NAT shares one address
 * @param lock how long a lock lasts, and how long a failure is remembered
 */
public record SignInSettings(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration lock) {

  public static SignInSettings from(Config config) {
    SignInSettings s =
        new SignInSettings(
            config.getOptionalValue("ispchat.login.max-failures", Integer.class).orElse(10),
            config
                .getOptionalValue("ispchat.login.max-failures-per-address", Integer.class)
                .orElse(30),
            Duration.parse(
                config.getOptionalValue("ispchat.login.lock", String.class).orElse("PT15M")));
    if (s.maxFailuresPerAccount < 1 || s.maxFailuresPerAddress < 1 || s.lock.isNegative()) {
      throw new IllegalStateException(
          "ispchat.login.max-failures and .max-failures-per-address must be at least 1, and"
              + " ispchat.login.lock a positive duration");
    }
    return s;
  }

  @Dependent
  static class Producer {
    @Produces
    @Singleton
    SignInSettings settings(Config config) {
      return from(config);
    }
  }
}
