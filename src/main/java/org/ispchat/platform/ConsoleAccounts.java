package org.ispchat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Console accounts: the first admin on a fresh install, and password checks for the admin API.
 *
 * <p>A PBKDF2 check costs tens of milliseconds by design; a deploy script calling the API in a loop
 * would pay that on every call, so a successful check is remembered for a few minutes (keyed by a
 * SHA-256 of the credentials, never the password itself).
 */
@ApplicationScoped
public class ConsoleAccounts {

  private static final Logger LOG = Logger.getLogger(ConsoleAccounts.class.getName());
  private static final Duration REMEMBER = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject Config config;
  @Inject Clock clock;
  @Inject FirstAdmin firstAdmins;

  private final Map<String, Instant> recentlyVerified = new ConcurrentHashMap<>();

  /**
   * Creates the first admin when there is no account at all. Two nodes starting at once on an empty
   * database both try; the unique username lets one win, and the other carries on.
   */
  public void ensureFirstAdmin() {
    try {
      firstAdmins.createIfNone();
    } catch (RuntimeException e) {
      if (!UniqueViolation.causes(e)) {
        throw e;
      }
      LOG.info("The first console admin was created by another node starting at the same time");
    }
  }

  /** The account these credentials sign in as, if any. */
  public Optional<ConsoleAccount> authenticate(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    Optional<ConsoleAccount> account =
        em.createQuery("select a from ConsoleAccount a where a.username = :u", ConsoleAccount.class)
            .setParameter("u", username)
            .getResultStream()
            .findFirst();
    if (account.isEmpty()) {
      return Optional.empty();
    }
    String key = fingerprint(username, password, account.get());
    Instant now = clock.instant();
    Instant seen = recentlyVerified.get(key);
    if (seen != null && seen.plus(REMEMBER).isAfter(now)) {
      return account;
    }
    if (!account.get().acceptsPassword(password)) {
      return Optional.empty();
    }
    if (recentlyVerified.size() > 1000) {
      recentlyVerified.values().removeIf(at -> at.plus(REMEMBER).isBefore(now));
    }
    recentlyVerified.put(key, now);
    return account;
  }

  private static String fingerprint(String username, String password, ConsoleAccount account) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // The role is part of the key: a changed account must not ride on an old check.
      sha.update(
          (username + "\u0000" + password + "\u0000" + account.role())
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
