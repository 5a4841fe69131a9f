package org.ispchat.testing;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
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

  /** Looked up once: each static {@code Json.createX()} call scans the class path again. */
  private static final JsonProvider JSON = JsonProvider.provider();

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
    return message(from, wamid, timestamp, "text", JSON.createObjectBuilder().add("body", body));
  }

  public static JsonObject listReply(String from, String wamid, String id, String title, long ts) {
    return message(
        from,
        wamid,
        ts,
        "interactive",
        JSON.createObjectBuilder()
            .add("type", "list_reply")
            .add("list_reply", JSON.createObjectBuilder().add("id", id).add("title", title)));
  }

  public static JsonObject buttonReply(
      String from, String wamid, String id, String title, long ts) {
    return message(
        from,
        wamid,
        ts,
        "interactive",
        JSON.createObjectBuilder()
            .add("type", "button_reply")
            .add("button_reply", JSON.createObjectBuilder().add("id", id).add("title", title)));
  }

  /** A quick-reply button of a template message (type "button", not "interactive"). */
  public static JsonObject templateButton(String from, String wamid, String payload, long ts) {
    return message(
        from,
        wamid,
        ts,
        "button",
        JSON.createObjectBuilder().add("payload", payload).add("text", payload));
  }

  public static JsonObject media(String from, String wamid, String type, long ts) {
    return message(
        from,
        wamid,
        ts,
        type,
        JSON.createObjectBuilder().add("id", "1234567890").add("mime_type", "image/jpeg"));
  }

  private static JsonObject message(
      String from, String wamid, long ts, String type, JsonObjectBuilder content) {
    return JSON.createObjectBuilder()
        .add("from", from)
        .add("id", wamid)
        .add("timestamp", Long.toString(ts))
        .add("type", type)
        .add(type, content)
        .build();
  }

  public static JsonObject status(String wamid, String status, long ts, String recipient) {
    return JSON.createObjectBuilder()
        .add("id", wamid)
        .add("status", status)
        .add("timestamp", Long.toString(ts))
        .add("recipient_id", recipient)
        .build();
  }

  public static JsonObject failedStatus(
      String wamid, long ts, String recipient, int code, String title) {
    return JSON.createObjectBuilder(status(wamid, "failed", ts, recipient))
        .add(
            "errors",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("code", code)
                        .add("title", title)
                        .add("message", title)
                        .add("error_data", JSON.createObjectBuilder().add("details", title))))
        .build();
  }

  /** The envelope around messages and statuses: object, entry, changes, value, metadata. */
  public static String envelope(List<JsonObject> messages, List<JsonObject> statuses) {
    return delivery(List.of(List.of(value(PHONE_NUMBER_ID, messages, statuses))));
  }

  /**
   * The value of one "messages" change: metadata of the business number, a contact per sender, the
   * messages and the statuses.
   */
  public static JsonObject value(
      String phoneNumberId, List<JsonObject> messages, List<JsonObject> statuses) {
    JsonObjectBuilder value =
        JSON.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add(
                "metadata",
                JSON.createObjectBuilder()
                    .add("display_phone_number", "15550783881")
                    .add("phone_number_id", phoneNumberId));
    if (!messages.isEmpty()) {
      JsonArrayBuilder contacts = JSON.createArrayBuilder();
      messages.stream()
          .map(m -> m.getString("from"))
          .distinct()
          .forEach(
              from ->
                  contacts.add(
                      JSON.createObjectBuilder()
                          .add("profile", JSON.createObjectBuilder().add("name", "Test Customer"))
                          .add("wa_id", from)));
      value.add("contacts", contacts);
      JsonArrayBuilder array = JSON.createArrayBuilder();
      messages.forEach(array::add);
      value.add("messages", array);
    }
    if (!statuses.isEmpty()) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      statuses.forEach(array::add);
      value.add("statuses", array);
    }
    return value.build();
  }

  /**
   * A delivery of several entries (Meta batches): each inner list is one entry's changes, given as
   * {@link #value} objects, all of the field "messages".
   */
  public static String delivery(List<List<JsonObject>> entries) {
    JsonArrayBuilder entryArray = JSON.createArrayBuilder();
    for (List<JsonObject> values : entries) {
      JsonArrayBuilder changes = JSON.createArrayBuilder();
      values.forEach(
          v -> changes.add(JSON.createObjectBuilder().add("field", "messages").add("value", v)));
      entryArray.add(
          JSON.createObjectBuilder().add("id", "102290129340398").add("changes", changes));
    }
    return JSON.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add("entry", entryArray)
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
