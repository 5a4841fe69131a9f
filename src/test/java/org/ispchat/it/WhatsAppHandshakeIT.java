package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.ispchat.testing.MetaWebhooks;
import org.junit.jupiter.api.Test;

/** Meta's GET verification handshake on {@code /webhooks/whatsapp}. */
class WhatsAppHandshakeIT extends ServerTest {

  @Test
  void matchingVerifyTokenEchoesTheChallenge() {
    HttpResponse<String> r =
        meta()
            .get(
                "hub.mode=subscribe&hub.verify_token="
                    + MetaWebhooks.VERIFY_TOKEN
                    + "&hub.challenge=1158201444");
    assertEquals(200, r.statusCode());
    assertEquals("1158201444", r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
  }

  @Test
  void wrongVerifyTokenIsForbidden() {
    HttpResponse<String> r =
        meta().get("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42");
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("\"detail\""), r.body());
  }

  @Test
  void wrongModeIsForbidden() {
    HttpResponse<String> r =
        meta()
            .get(
                "hub.mode=unsubscribe&hub.verify_token="
                    + MetaWebhooks.VERIFY_TOKEN
                    + "&hub.challenge=42");
    assertEquals(403, r.statusCode());
  }
}
