package org.ispchat.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Evolution API v2 webhook envelopes (reference section B.3) and posts them to the server as
 * Evolution does: with the secret the admin put into the webhook's {@code headers}, as {@code
 * X-Ispchat-Token} or as Evolution's own HS256 JWT ({@code jwt_key}).
 */
public final class EvolutionWebhooks {

  private final URI webhook;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public EvolutionWebhooks(URI base) {
    this.webhook = base.resolve("webhooks/evolution");
  }

  public static String newKeyId() {
    return "3EB0" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
  }

  /** A customer's text, as {@code messages.upsert} carries it. */
  public static JsonObject text(String instance, String from, String keyId, String text) {
    return envelope(
        "messages.upsert",
        instance,
        Json.createObjectBuilder()
            .add(
                "key",
                Json.createObjectBuilder()
                    .add("remoteJid", from + "@s.whatsapp.net")
                    .add("fromMe", false)
                    .add("id", keyId))
            .add("pushName", "IT Customer")
            .add("status", "DELIVERY_ACK")
            .add("message", Json.createObjectBuilder().add("conversation", text))
            .addNull("contextInfo")
            .add("messageType", "conversation")
            .add("messageTimestamp", System.currentTimeMillis() / 1000)
            .add("instanceId", "128441f6-5504-441a-86b8-f7ae504b26ef")
            .add("source", "android"));
  }

  /** An ack of a message we sent, as {@code messages.update} carries it. */
  public static JsonObject ack(String instance, String to, String keyId, String status) {
    return envelope(
        "messages.update",
        instance,
        Json.createObjectBuilder()
            .add("keyId", keyId)
            .add("remoteJid", to + "@s.whatsapp.net")
            .add("fromMe", true)
            .addNull("participant")
            .add("status", status)
            .add("instanceId", "128441f6-5504-441a-86b8-f7ae504b26ef")
            .add("messageId", "cm" + UUID.randomUUID().toString().substring(0, 20)));
  }

  public static JsonObject connection(String instance, String state) {
    return envelope(
        "connection.update",
        instance,
        Json.createObjectBuilder()
            .add("instance", instance)
            .add("state", state)
            .add("statusReason", 200));
  }

  private static JsonObject envelope(String event, String instance, JsonObjectBuilder data) {
    return Json.createObjectBuilder()
        .add("event", event)
        .add("instance", instance)
        .add("data", data)
        .add("destination", "http://ispchat/webhooks/evolution")
        .add("date_time", "2026-01-10T12:00:00.000Z")
        .add("sender", "218910000000@s.whatsapp.net")
        .add("server_url", "http://evolution.test")
        .addNull("apikey")
        .build();
  }

  /** Posts with {@code X-Ispchat-Token: token} (none when null). */
  public HttpResponse<String> deliver(JsonObject body, String token) {
    return post(body.toString(), token == null ? null : new String[] {"X-Ispchat-Token", token});
  }

  /** Posts with {@code Authorization: Bearer <JWT>} as Evolution makes it from its jwt_key. */
  public HttpResponse<String> deliverWithJwt(JsonObject body, String jwtKey) {
    return post(body.toString(), new String[] {"Authorization", "Bearer " + jwt(jwtKey)});
  }

  public HttpResponse<String> post(String body, String[] header) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(webhook)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (header != null) {
      request.header(header[0], header[1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Evolution's {@code jwt.sign({iat, exp: iat + 600, app, action}, key, HS256)}. */
  public static String jwt(String key) {
    long now = System.currentTimeMillis() / 1000;
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(
                ("{\"iat\":"
                        + now
                        + ",\"exp\":"
                        + (now + 600)
                        + ",\"app\":\"evolution\",\"action\":\"webhook\"}")
                    .getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signed
          + "."
          + b64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
