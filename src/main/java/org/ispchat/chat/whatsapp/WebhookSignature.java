package org.ispchat.chat.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body,
 * keyed with the app secret. Checked over the bytes as received (re-serialised JSON would differ
 * for any non-ASCII text) and compared in constant time.
 */
public final class WebhookSignature {

  private static final String PREFIX = "sha256=";

  private final SecretKeySpec key;

  public WebhookSignature(String appSecret) {
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public boolean matches(byte[] body, String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(body), claimed);
  }

  /** The header value Meta would send for this body. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(body));
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
