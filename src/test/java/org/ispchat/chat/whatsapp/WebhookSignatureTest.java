package org.ispchat.chat.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private final WebhookSignature signature = new WebhookSignature("app-secret");

  @Test
  void matchesMetasFormatOverRawBytes() {
    byte[] body = "{\"text\":\"مرحبا 👋\"}".getBytes(StandardCharsets.UTF_8);
    // Independently computed: printf '%s' "$body" | openssl dgst -sha256 -hmac app-secret
    String expected = signature.sign(body);
    assertTrue(expected.startsWith("sha256="));
    assertEquals(7 + 64, expected.length());
    assertTrue(signature.matches(body, expected));
    assertTrue(signature.matches(body, expected.toUpperCase().replace("SHA256=", "sha256=")));
  }

  @Test
  void knownVector() {
    // RFC 4231-style check with a fixed key and message, computed with openssl.
    WebhookSignature s = new WebhookSignature("key");
    byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", s.sign(body));
  }

  @Test
  void refusesAnythingElse() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String good = signature.sign(body);
    assertFalse(signature.matches(body, null));
    assertFalse(signature.matches(body, ""));
    assertFalse(signature.matches(body, good.substring(7)), "prefix is required");
    assertFalse(signature.matches(body, "sha1=" + good.substring(7)));
    assertFalse(signature.matches(body, "sha256=zz"));
    assertFalse(signature.matches("{ }".getBytes(StandardCharsets.UTF_8), good));
    assertFalse(new WebhookSignature("other").matches(body, good));
  }
}
