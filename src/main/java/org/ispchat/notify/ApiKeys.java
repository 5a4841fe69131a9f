package org.ispchat.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ispchat.platform.FreshFor;

/**
 * Creates, checks and revokes API keys. A key reads {@code isp_<lookup>_<secret>}: the prefix makes
 * it recognisable (secret scanners, logs), the 12-character lookup finds its row, and the
 * 32-character secret carries 190 bits. Only the SHA-256 of the whole key is stored, and a
 * presented key is compared to it in constant time; a fast hash is right here because the secret is
 * random, not a password.
 *
 * <p>Checks are served from a cache of the rows for {@link #FRESHNESS}: at 2,000 notifications a
 * second a row read per request would cost more than the rest of the request. A revocation takes
 * effect at once on the node that made it and within that time on the others.
 */
@ApplicationScoped
public class ApiKeys {

  private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());
  public static final String PREFIX = "isp_";
  static final Duration FRESHNESS = Duration.ofSeconds(5);
  static final Duration LAST_USED_STEP = Duration.ofMinutes(1);
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int LOOKUP_LENGTH = 12;
  private static final int SECRET_LENGTH = 32;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject KeyUse use;

  private final SecureRandom random = new SecureRandom();
  private final FreshFor<String, Optional<Row>> rows = new FreshFor<>(FRESHNESS);
  private final ConcurrentHashMap<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

  private record Row(long id, String name, byte[] hash, KeyGrant grant, boolean revoked) {}

  /** A new key, and its full text, which is never available again. */
  public record Created(ApiKey key, String fullText) {}

  /** The outcome of checking a presented key. */
  public sealed interface Check {}

  public record Valid(KeyGrant grant) implements Check {}

  public record Refused(String detail) implements Check {}

  @Transactional
  public Created create(
      String name, Set<Permission> permissions, Collection<String> instanceIds, String createdBy) {
    String full = newKeyText();
    String lookup = lookupOf(full).orElseThrow();
    ApiKey key =
        new ApiKey(name, lookup, hex(sha256(full)), permissions, instanceIds, createdBy, now());
    em.persist(key);
    LOG.log(
        Level.INFO,
        "API key {0} ({1}) created by {2}: {3}, instances {4}",
        new Object[] {
          key.id(),
          key.name(),
          createdBy,
          key.permissions().stream().map(Permission::wire).toList(),
          key.instanceIds().isEmpty() ? "all" : key.instanceIds()
        });
    return new Created(key, full);
  }

  public List<ApiKey> all() {
    return em.createQuery("select k from ApiKey k order by k.id", ApiKey.class).getResultList();
  }

  public Optional<ApiKey> find(long id) {
    return Optional.ofNullable(em.find(ApiKey.class, id));
  }

  @Transactional
  public Optional<ApiKey> revoke(long id) {
    ApiKey key = em.find(ApiKey.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (key != null) {
      key.revoke(now());
      rows.forget(key.lookup());
      LOG.log(Level.INFO, "API key {0} ({1}) revoked", new Object[] {key.id(), key.name()});
    }
    return Optional.ofNullable(key);
  }

  // The databases keep microseconds; an answer shows what a later read of the row shows.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Checks an {@code Authorization} header's value. Every failure reads the same to the caller but
   * names its cause, since only an integrator holding a key ever sees it.
   */
  public Check check(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Refused("Missing API key: send the header 'Authorization: Bearer <API key>'.");
    }
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Refused("Malformed Authorization header: expected 'Bearer <API key>'.");
    }
    String presented = value.substring(7).strip();
    Optional<String> lookup = lookupOf(presented);
    byte[] hash = sha256(presented);
    Optional<Row> row = lookup.flatMap(this::row);
    // Compare against something in every case, so a wrong lookup costs what a wrong secret does.
    byte[] expected = row.map(Row::hash).orElse(DUMMY);
    boolean same = MessageDigest.isEqual(hash, expected) && row.isPresent();
    if (!same) {
      return new Refused("Invalid API key.");
    }
    if (row.get().revoked()) {
      return new Refused("This API key has been revoked.");
    }
    noteUse(row.get().id());
    return new Valid(row.get().grant());
  }

  private static final byte[] DUMMY = sha256("isp_no-such-key");

  private Optional<Row> row(String lookup) {
    return rows.get(lookup, clock.instant(), () -> load(lookup));
  }

  private Optional<Row> load(String lookup) {
    return em.createQuery("select k from ApiKey k where k.lookup = :l", ApiKey.class)
        .setParameter("l", lookup)
        .getResultStream()
        .findFirst()
        .map(
            k ->
                new Row(
                    k.id(),
                    k.name(),
                    HexFormat.of().parseHex(k.keyHash()),
                    new KeyGrant(k.id(), k.name(), k.permissions(), k.instanceIds()),
                    k.revoked()));
  }

  /**
   * Records the key's last use, at most once a minute per key and node: a write per request would
   * make every notification contend on the key's row.
   */
  private void noteUse(long id) {
    Instant now = clock.instant();
    Instant written = lastUseWritten.get(id);
    if (written != null && written.plus(LAST_USED_STEP).isAfter(now)) {
      return;
    }
    lastUseWritten.put(id, now);
    touch(id, now);
  }

  private void touch(long id, Instant now) {
    try {
      use.record(id, now);
    } catch (RuntimeException e) {
      // The last-used time is a courtesy to admins; a request is not refused over it.
      lastUseWritten.remove(id);
    }
  }

  /** Writes a key's last-used time in its own short transaction. */
  @ApplicationScoped
  public static class KeyUse {
    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long id, Instant now) {
      em.createQuery(
              "update ApiKey k set k.lastUsedAt = :now where k.id = :id"
                  + " and (k.lastUsedAt is null or k.lastUsedAt < :now)")
          .setParameter("now", now)
          .setParameter("id", id)
          .executeUpdate();
    }
  }

  static Optional<String> lookupOf(String presented) {
    if (!presented.startsWith(PREFIX)
        || presented.length() != PREFIX.length() + LOOKUP_LENGTH + 1 + SECRET_LENGTH
        || presented.charAt(PREFIX.length() + LOOKUP_LENGTH) != '_') {
      return Optional.empty();
    }
    return Optional.of(presented.substring(PREFIX.length(), PREFIX.length() + LOOKUP_LENGTH));
  }

  /** A fresh key's full text: {@code isp_<lookup>_<secret>}, both parts random. */
  String newKeyText() {
    return PREFIX + randomText(LOOKUP_LENGTH) + "_" + randomText(SECRET_LENGTH);
  }

  /** How the list shows a key: enough to recognise it, nothing that works as a key. */
  static String shownAs(ApiKey key) {
    return PREFIX + key.lookup() + "_\u2026";
  }

  private String randomText(int length) {
    char[] text = new char[length];
    for (int i = 0; i < length; i++) {
      text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(text);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
