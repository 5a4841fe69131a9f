package org.ispchat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/splynx}, as Splynx's "Webhooks" hook calls it: {@code X-Splynx-Signature}
 * is the hex HMAC-SHA1 of the raw body keyed with {@code splynx.hook-secret} (the build sets {@code
 * it-hook-secret}).
 */
class SplynxHookIT extends ServerTest {

  private static final String SECRET = "it-hook-secret";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void signedPingIsAnswered200() {
    String body = "{\"type\":\"ping\"}";
    HttpResponse<String> r = post(body, "application/json", sign(body));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void badSignatureIs401WithDetail() {
    String body = "{\"type\":\"ping\"}";
    HttpResponse<String> r = post(body, "application/json", sign("{\"type\":\"event\"}"));
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("\"detail\""), r.body());
    assertEquals(401, post(body, "application/json", null).statusCode());
  }

  @Test
  void signedTicketMessageEventIsAnswered200() {
    String body =
        "{\"type\":\"event\",\"data\":{\"source\":\"admin\","
            + "\"model\":\"models\\\\common\\\\support\\\\TicketsMessages\",\"action\":\"create\","
            + "\"date\":\"2026-11-29\",\"time\":\"10:00:00\",\"administrator_id\":\"1\","
            + "\"customer_id\":\"1042\",\"result\":\"success\","
            + "\"attributes\":{\"id\":\"900\",\"ticket_id\":\"77\",\"author_type\":\"admin\"}}}";
    HttpResponse<String> r = post(body, "application/json", sign(body));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void signedFormEncodedEventIsAnswered200() {
    String body =
        "type=event&data%5Bmodel%5D="
            + URLEncoder.encode("models\\common\\support\\Tickets", StandardCharsets.UTF_8)
            + "&data%5Baction%5D=update&data%5Battributes%5D%5Bid%5D=77";
    HttpResponse<String> r = post(body, "application/x-www-form-urlencoded", sign(body));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void bodyOverOneMebibyteIs413() {
    String body = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
    assertEquals(413, post(body, "application/json", sign(body)).statusCode());
  }

  private HttpResponse<String> post(String body, String contentType, String signature) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base().resolve("webhooks/splynx"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("X-Splynx-Signature", signature);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
