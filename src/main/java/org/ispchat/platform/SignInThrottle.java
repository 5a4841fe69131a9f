package org.ispchat.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong sign-ins per username and per client address and locks either for a while once it
 * has had too many. A locked account or address is refused before its password is even checked, so
 * guessing goes no faster than the lock allows and costs no PBKDF2 work.
 *
 * <p>Kept in memory, per node: with N nodes behind a load balancer a guesser gets N times the tries
 * per lock period, which still turns a brute force into centuries. Bounded: at most {@link
 * #MAX_TRACKED} names and addresses each; past that, the oldest entries are dropped.
 */
public final class SignInThrottle {

  static final int MAX_TRACKED = 10_000;

  private final SignInSettings settings;
  private final Clock clock;
  private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

  public SignInThrottle(SignInSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long this account or this address is still locked, if it is. */
  public Optional<Duration> lockedFor(String username, String address) {
    Instant now = clock.instant();
    Duration account = remaining(byAccount.get(key(username)), now);
    Duration from = remaining(byAddress.get(addressKey(address)), now);
    Duration longest = account.compareTo(from) >= 0 ? account : from;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /**
   * Counts a wrong sign-in; returns what it locked (empty when nothing new was locked), for the one
   * log line a lock deserves.
   */
  public Optional<String> recordFailure(String username, String address) {
    Instant now = clock.instant();
    boolean account = count(byAccount, key(username), now, settings.maxFailuresPerAccount());
    boolean from = count(byAddress, addressKey(address), now, settings.maxFailuresPerAddress());
    if (account && from) {
      return Optional.of("account and address");
    }
    return account ? Optional.of("account") : from ? Optional.of("address") : Optional.empty();
  }

  /** A right password ends the account's count; the address's stays (it may be guessing names). */
  public void recordSuccess(String username) {
    byAccount.remove(key(username));
  }

  int trackedAccounts() {
    return byAccount.size();
  }

  private boolean count(Map<String, Failures> map, String key, Instant now, int max) {
    if (map.size() >= MAX_TRACKED && !map.containsKey(key)) {
      map.values().removeIf(f -> f.expired(now, settings.lock()));
      if (map.size() >= MAX_TRACKED) {
        map.entrySet().stream()
            .min((a, b) -> a.getValue().last().compareTo(b.getValue().last()))
            .ifPresent(oldest -> map.remove(oldest.getKey()));
      }
    }
    return map.computeIfAbsent(key, k -> new Failures()).add(now, settings.lock(), max);
  }

  private Duration remaining(Failures failures, Instant now) {
    return failures == null ? Duration.ZERO : failures.lockedFor(now);
  }

  /** Usernames match ignoring case and spaces around them; a key is never longer than 100. */
  private static String key(String username) {
    return username == null ? "" : clip(username.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * An IPv6 client is counted by its /64: one subscriber usually holds a whole /64 and could
   * otherwise start afresh from each of its addresses. Literals only: nothing is looked up.
   */
  static String addressKey(String address) {
    if (address == null) {
      return "";
    }
    String a = address.strip();
    if (a.indexOf(':') < 0) {
      return clip(a);
    }
    try {
      InetAddress ip = InetAddress.getByName(a.startsWith("[") ? a : "[" + a + "]");
      return ip instanceof Inet6Address
          ? HexFormat.of().formatHex(ip.getAddress(), 0, 8) + "::/64"
          : ip.getHostAddress();
    } catch (UnknownHostException e) {
      return clip(a);
    }
  }

  /** A username fit for one log line: no control characters, no novel-length junk. */
  static String printable(String username) {
    return username == null ? "(none)" : clip(username).replaceAll("\\p{Cntrl}", "?");
  }

  private static String clip(String s) {
    return s.length() > 100 ? s.substring(0, 100) : s;
  }

  /** The recent failures of one account or address, and the lock they earned. */
  private static final class Failures {
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant lockedUntil = Instant.MIN;

    /** Returns true if this failure started a lock. */
    synchronized boolean add(Instant now, Duration window, int max) {
      while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
        recent.pollFirst();
      }
      recent.addLast(now);
      if (recent.size() >= max && !lockedUntil.isAfter(now)) {
        lockedUntil = now.plus(window);
        recent.clear();
        return true;
      }
      return false;
    }

    synchronized Duration lockedFor(Instant now) {
      return lockedUntil.isAfter(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    synchronized boolean expired(Instant now, Duration window) {
      return !lockedUntil.isAfter(now)
          && (recent.isEmpty() || recent.peekLast().isBefore(now.minus(window)));
    }

    synchronized Instant last() {
      return recent.isEmpty() ? lockedUntil : recent.peekLast();
    }
  }
}
