package org.ispchat.chat.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookTokenTest {

  private static final String SECRET = "s3cret-webhook-key";
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

  /** What Evolution's {@code jwt.sign(payload, key, {algorithm: 'HS256'})} produces. */
  static String jwt(String key, String header, String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return signed + "." + b64.encodeToString(WebhookToken.hmac(key, signed));
  }

  static String evolutionJwt(String key, long iat, long exp) {
    return jwt(
        key,
        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "{\"iat\":" + iat + ",\"exp\":" + exp + ",\"app\":\"evolution\",\"action\":\"webhook\"}");
  }

  private static String refusal(String authorization, String token) {
    return WebhookToken.refusal(SECRET, authorization, token, NOW);
  }

  @Test
  void theSecretInEitherHeaderIsAccepted() {
    assertNull(refusal(null, SECRET));
    assertNull(refusal("Bearer " + SECRET, null));
    assertNull(refusal("bearer " + SECRET, null));
    assertNotNull(refusal(null, "guess"));
    assertNotNull(refusal("Bearer guess", null));
    assertNotNull(refusal(null, null));
    assertNotNull(refusal("Basic " + SECRET, null));
  }

  @Test
  void evolutionsJwtSignedWithTheSecretIsAccepted() {
    long now = NOW.getEpochSecond();
    assertNull(refusal("Bearer " + evolutionJwt(SECRET, now - 5, now + 595), null));
  }

  @Test
  void aJwtSignedWithAnotherKeyIsRefused() {
    long now = NOW.getEpochSecond();
    assertEquals(
        "the JWT's signature does not match the webhook secret",
        refusal("Bearer " + evolutionJwt("another", now, now + 600), null));
  }

  @Test
  void anExpiredOrTooLongLivedJwtIsRefused() {
    long now = NOW.getEpochSecond();
    assertEquals(
        "the JWT has expired",
        refusal("Bearer " + evolutionJwt(SECRET, now - 900, now - 300), null));
    assertEquals(
        "the JWT is valid for longer than Evolution's 10 minutes",
        refusal("Bearer " + evolutionJwt(SECRET, now, now + 86_400), null));
  }

  @Test
  void aJwtOfAnotherAlgorithmOrPurposeIsRefused() {
    long now = NOW.getEpochSecond();
    String none =
        jwt(SECRET, "{\"alg\":\"none\"}", "{\"exp\":" + (now + 60) + ",\"app\":\"evolution\"}");
    assertEquals("the JWT is not HS256", refusal("Bearer " + none, null));
    String other =
        jwt(
            SECRET,
            "{\"alg\":\"HS256\"}",
            "{\"exp\":" + (now + 60) + ",\"app\":\"evolution\",\"action\":\"login\"}");
    assertEquals(
        "the JWT is not an Evolution webhook token (app, action)",
        refusal("Bearer " + other, null));
    String noExp = jwt(SECRET, "{\"alg\":\"HS256\"}", "{\"app\":\"evolution\"}");
    assertEquals("the JWT has no exp", refusal("Bearer " + noExp, null));
    assertEquals("the JWT is malformed", refusal("Bearer a.b!.c", null));
  }

  @Test
  void anInstanceWithoutSecretTakesNoWebhook() {
    assertNotNull(WebhookToken.refusal(null, "Bearer x", "x", NOW));
    assertNotNull(WebhookToken.refusal("", "Bearer ", "", NOW));
  }
}
