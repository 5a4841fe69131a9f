package org.ispchat.splynx;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Splynx's API-key signature: {@code HMAC-SHA256(secret, nonce + key)} in upper-case hex, with a
 * nonce Splynx expects to grow with every request of the key.
 *
 * <p>The nonce is the clock in microseconds, kept strictly increasing within this node ({@code
 * max(now, last + 1)}), so it also keeps growing across restarts and, as far as the nodes' clocks
 * agree, across nodes. Two requests can still reach Splynx in the other order than their nonces
 * (two threads, two nodes): Splynx then refuses the later-arriving, smaller one with 401, which
 * {@link SplynxCalls} retries once with a fresh nonce.
 */
final class ApiKeySignature {

  private final String key;
  private final SecretKeySpec secret;
  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  ApiKeySignature(String key, String secret, Clock clock) {
    this.key = key;
    this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** The next nonce: now in microseconds, or one more than the last one if that is later. */
  long nextNonce() {
    long now = micros(clock.instant());
    return last.updateAndGet(previous -> Math.max(now, previous + 1));
  }

  /** {@code Splynx-EA (key=..&nonce=..&signature=..)} with a fresh nonce. */
  String authorization() {
    long nonce = nextNonce();
    return "Splynx-EA (key="
        + URLEncoder.encode(key, StandardCharsets.UTF_8)
        + "&nonce="
        + nonce
        + "&signature="
        + sign(nonce)
        + ")";
  }

  /** The body that asks {@code POST admin/auth/tokens} for a token of this key. */
  JsonObject tokenRequest() {
    long nonce = nextNonce();
    return JSON.createObjectBuilder()
        .add("auth_type", "api_key")
        .add("key", key)
        .add("nonce", nonce)
        .add("signature", sign(nonce))
        .build();
  }

  String sign(long nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      byte[] digest = mac.doFinal((nonce + key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  @Override
  public String toString() {
    return "ApiKeySignature[key=***]";
  }
}
