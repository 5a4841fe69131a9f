package org.ispchat.chat.evolution;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether an Evolution delivery carries its instance's webhook secret. Evolution signs nothing, so
 * the secret travels in a header the admin set on the instance's webhook, in one of two ways:
 *
 * <ul>
 *   <li>as itself: {@code X-Ispchat-Token: <secret>} or {@code Authorization: Bearer <secret>}
 *       (Evolution's webhook {@code headers} are sent as given);
 *   <li>as Evolution's JWT: with {@code headers: {"jwt_key": "<secret>"}} Evolution sends {@code
 *       Authorization: Bearer <JWT>}, HS256 with the secret as key, claims {@code app: evolution},
 *       {@code action: webhook}, valid for 10 minutes. The JWT does not cover the body: it proves
 *       the sender knows the secret, not what it sent.
 * </ul>
 *
 * Comparisons take the same time however much of a guess is right.
 */
public final class WebhookToken {

  /** Evolution mints each token for 10 minutes; a longer-lived one is not Evolution's. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Clocks of two servers disagree by this much without a token being refused. */
  static final Duration SKEW = Duration.ofMinutes(1);

  private static final String HS256_HEADER_ALG = "HS256";

  private WebhookToken() {}

  /**
   * @param secret the instance's webhook secret (null: the instance takes no webhooks)
   * @param authorization the {@code Authorization} header, or null
   * @param token the {@code X-Ispchat-Token} header, or null
   * @return null when accepted, else why not (for the 401's detail: never the secret)
   */
  public static String refusal(String secret, String authorization, String token, Instant now) {
    if (secret == null || secret.isEmpty()) {
      return "the instance has no webhook secret; set webhook_secret in the admin API";
    }
    if (token != null && !token.isBlank()) {
      return same(token.strip(), secret) ? null : "X-Ispchat-Token does not match";
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "no token: send X-Ispchat-Token or Authorization: Bearer (secret or Evolution's JWT)";
    }
    String presented = authorization.substring(7).strip();
    if (same(presented, secret)) {
      return null;
    }
    if (presented.chars().filter(c -> c == '.').count() == 2) {
      return jwtRefusal(presented, secret, now);
    }
    return "the bearer token does not match";
  }

  static String jwtRefusal(String jwt, String secret, Instant now) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return "the JWT is malformed";
    }
    byte[] signature;
    JsonObject header;
    JsonObject claims;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
      header = json(parts[0]);
      claims = json(parts[1]);
    } catch (IllegalArgumentException e) {
      return "the JWT is malformed";
    }
    if (header == null || claims == null) {
      return "the JWT is malformed";
    }
    // The algorithm is ours to choose, never the token's: only HS256 is accepted ("none" and
    // asymmetric algorithms are the classic JWT forgeries).
    if (!HS256_HEADER_ALG.equals(EvolutionJson.string(header, "alg"))) {
      return "the JWT is not HS256";
    }
    byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, signature)) {
      return "the JWT's signature does not match the webhook secret";
    }
    Long exp = seconds(claims.get("exp"));
    if (exp == null) {
      return "the JWT has no exp";
    }
    Instant expires = Instant.ofEpochSecond(exp);
    if (!now.isBefore(expires.plus(SKEW))) {
      return "the JWT has expired";
    }
    if (expires.isAfter(now.plus(LIFETIME).plus(SKEW))) {
      return "the JWT is valid for longer than Evolution's 10 minutes";
    }
    if (!"evolution".equals(EvolutionJson.string(claims, "app"))
        || !"webhook".equals(EvolutionJson.string(claims, "action"))) {
      return "the JWT is not an Evolution webhook token (app, action)";
    }
    return null;
  }

  private static JsonObject json(String part) {
    String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonValue v = reader.readValue();
      return v instanceof JsonObject o ? o : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static Long seconds(JsonValue v) {
    if (v instanceof JsonNumber n) {
      try {
        return n.bigDecimalValue().longValue();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  static byte[] hmac(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static boolean same(String presented, String secret) {
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
  }
}
