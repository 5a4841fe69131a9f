package org.ispchat.splynx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiKeySignatureTest {

  private static final String KEY = "e2b0c8a6d4f2e0c8a6d4f2e0c8a6d4f2";
  private static final String SECRET = "4b5e2c0c5a0b4e7b9f5d1a2c3e4f5a6b";

  @Test
  void signatureIsUpperCaseHexHmacSha256OfNonceThenKeyWithTheSecret() {
    var signature = new ApiKeySignature(KEY, SECRET, Clock.systemUTC());
    // Computed independently: hmac.new(secret, b"1700000000000000" + key,
    // sha256).hexdigest().upper()
    assertEquals(
        "CFF28C1FCA20FFD94F0CE20180D86D65553002E8058C04550EDBE157E88D2D25",
        signature.sign(1_700_000_000_000_000L));
  }

  @Test
  void headerCarriesKeyNonceAndSignature() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    var signature = new ApiKeySignature(KEY, SECRET, clock);
    assertEquals(
        "Splynx-EA (key="
            + KEY
            + "&nonce=1700000000000000&signature=CFF28C1FCA20FFD94F0CE20180D86D65553002E8058C04550EDBE157E88D2D25)",
        signature.authorization());
    assertFalse(signature.toString().contains(KEY));
  }

  @Test
  void nonceIsTheClockInMicroseconds() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00.123456789Z"), ZoneOffset.UTC);
    long expected = Instant.parse("2026-11-21T10:00:00Z").getEpochSecond() * 1_000_000L + 123_456;
    assertEquals(expected, new ApiKeySignature(KEY, SECRET, clock).nextNonce());
  }

  @Test
  void nonceNeverRepeatsNorGoesBackAcrossThreads() throws Exception {
    // A clock that stands still makes every nonce come from last + 1: the hardest case.
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    var signature = new ApiKeySignature(KEY, SECRET, clock);
    int threads = 8;
    int each = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    List<Future<Boolean>> increasing = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      increasing.add(
          pool.submit(
              () -> {
                start.await();
                long previous = 0;
                boolean ok = true;
                for (int i = 0; i < each; i++) {
                  long nonce = signature.nextNonce();
                  ok &= nonce > previous;
                  previous = nonce;
                  seen.add(nonce);
                }
                return ok;
              }));
    }
    start.countDown();
    for (Future<Boolean> f : increasing) {
      assertTrue(f.get(30, TimeUnit.SECONDS), "each thread sees strictly increasing nonces");
    }
    pool.shutdown();
    assertEquals(threads * each, seen.size(), "no nonce handed out twice");
  }

  @Test
  void nonceDoesNotGoBackWhenTheClockDoes() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(1_700_000_000L));
    var signature = new ApiKeySignature(KEY, SECRET, new SettableClock(now));
    long first = signature.nextNonce();
    now.set(now.get().minus(Duration.ofSeconds(5)));
    long second = signature.nextNonce();
    assertTrue(second > first);
    now.set(now.get().plus(Duration.ofSeconds(60)));
    long third = signature.nextNonce();
    assertEquals(Instant.ofEpochSecond(1_700_000_055L).getEpochSecond() * 1_000_000L, third);
  }

  @Test
  void aRestartedNodeContinuesAboveTheOldNoncesBecauseTheClockMovedOn() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(1_700_000_000L));
    var before = new ApiKeySignature(KEY, SECRET, new SettableClock(now));
    long last = 0;
    for (int i = 0; i < 1000; i++) {
      last = before.nextNonce();
    }
    now.set(now.get().plusSeconds(3)); // a restart takes seconds; 1000 nonces are 1 ms ahead
    var after = new ApiKeySignature(KEY, SECRET, new SettableClock(now));
    assertTrue(after.nextNonce() > last);
  }

  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(AtomicReference<Instant> now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
