package org.ispchat.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds WhatsApp Cloud API webhook bodies in Meta's shape (reference section A.3) and delivers
 * them to the server the way Meta does: POST with {@code X-Hub-Signature-256}.
 */
public final class MetaWebhooks {

  public static final String APP_SECRET = "it-app-secret";
  public static final String VERIFY_TOKEN = "it-verify-token";
  public static final String PHONE_NUMBER_ID = "106540352242922";

  private final URI webhook;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public MetaWebhooks(URI base) {
    this.webhook = base.resolve("webhooks/whatsapp");
  }

  public URI uri() {
    return webhook;
  }

  /** A fresh customer number, so tests never see each other's chats. */
  public static String newCustomer() {
    return "2189" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  public static String newWamid() {
    return "wamid.IT" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
  }

  public static JsonObject text(String from, String wamid, String body, long timestamp) {
    return message(from, wamid, timestamp, "text", Json.createObjectBuilder().add("body", body));
  }

  public static JsonObject listReply(String from, String wamid, String id, String title, long ts) {
    return message(
        from,
        wamid,
        ts,
        "interactive",
        Json.createObjectBuilder()
            .add("type", "list_reply")
            .add("list_reply", Json.createObjectBuilder().add("id", id).add("title", title)));
  }

  public static JsonObject media(String from, String wamid, String type, long ts) {
    return message(
        from,
        wamid,
        ts,
        type,
        Json.createObjectBuilder().add("id", "1234567890").add("mime_type", "image/jpeg"));
  }

  private static JsonObject message(
      String from, String wamid, long ts, String type, JsonObjectBuilder content) {
    return Json.createObjectBuilder()
        .add("from", from)
        .add("id", wamid)
        .add("timestamp", Long.toString(ts))
        .add("type", type)
        .add(type, content)
        .build();
  }

  public static JsonObject status(String wamid, String status, long ts, String recipient) {
    return Json.createObjectBuilder()
        .add("id", wamid)
        .add("status", status)
        .add("timestamp", Long.toString(ts))
        .add("recipient_id", recipient)
        .build();
  }

  public static JsonObject failedStatus(
      String wamid, long ts, String recipient, int code, String title) {
    return Json.createObjectBuilder(status(wamid, "failed", ts, recipient))
        .add(
            "errors",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("code", code)
                        .add("title", title)
                        .add("message", title)
                        .add("error_data", Json.createObjectBuilder().add("details", title))))
        .build();
  }

  /** The envelope around messages and statuses: object, entry, changes, value, metadata. */
  public static String envelope(List<JsonObject> messages, List<JsonObject> statuses) {
    JsonObjectBuilder value =
        Json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add(
                "metadata",
                Json.createObjectBuilder()
                    .add("display_phone_number", "15550783881")
                    .add("phone_number_id", PHONE_NUMBER_ID));
    if (!messages.isEmpty()) {
      JsonArrayBuilder contacts = Json.createArrayBuilder();
      messages.stream()
          .map(m -> m.getString("from"))
          .distinct()
          .forEach(
              from ->
                  contacts.add(
                      Json.createObjectBuilder()
                          .add("profile", Json.createObjectBuilder().add("name", "Test Customer"))
                          .add("wa_id", from)));
      value.add("contacts", contacts);
      JsonArrayBuilder array = Json.createArrayBuilder();
      messages.forEach(array::add);
      value.add("messages", array);
    }
    if (!statuses.isEmpty()) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      statuses.forEach(array::add);
      value.add("statuses", array);
    }
    return Json.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add(
            "entry",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("id", "102290129340398")
                        .add(
                            "changes",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("field", "messages")
                                        .add("value", value)))))
        .build()
        .toString();
  }

  public static String envelope(JsonObject message) {
    return envelope(List.of(message), List.of());
  }

  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Delivers a body signed with the app secret, as Meta would. */
  public HttpResponse<String> deliver(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return post(body, sign(body, APP_SECRET));
  }

  public HttpResponse<String> post(byte[] body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(webhook)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("delivery to " + webhook + " failed", e);
    }
  }

  public HttpResponse<String> get(String query) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(webhook + "?" + query)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
