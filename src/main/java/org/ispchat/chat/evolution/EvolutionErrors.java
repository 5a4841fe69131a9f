package org.ispchat.chat.evolution;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.ispchat.chat.Clip;
import org.ispchat.chat.SendResult;

/**
 * Reads Evolution's answer to a send into a {@link SendResult}. Evolution has no error codes of its
 * own; it answers with HTTP statuses and {@code {"status", "error", "response": {"message":
 * [...]}}}. A 400 is final (the number is not on WhatsApp, the body was refused); a refused key, an
 * unknown instance and server trouble are passing: an admin fixes the instance, or the server comes
 * back.
 */
public final class EvolutionErrors {

  static final int DETAIL_LENGTH = 300;

  private EvolutionErrors() {}

  public static SendResult classify(int httpStatus, String body, String instance) {
    JsonObject json = parse(body);
    if (httpStatus >= 200 && httpStatus < 300) {
      String id = messageId(json);
      // Without an id the send most likely happened, but nothing can match its receipts; the
      // outbox's retry is the lesser evil only because Evolution always returns the key it made.
      return id != null
          ? new SendResult.Accepted(id)
          : new SendResult.RetryLater("http-" + httpStatus, "accepted without key.id", null);
    }
    String said = message(json);
    String detail = "HTTP " + httpStatus + (said == null ? "" : ": " + said);
    if (httpStatus == 401 || httpStatus == 403) {
      return new SendResult.RetryLater(
          "evolution-auth",
          "Evolution refused the apikey of instance "
              + instance
              + " (HTTP "
              + httpStatus
              + "); set the instance's api_key",
          null);
    }
    if (httpStatus == 404) {
      return new SendResult.RetryLater(
          "evolution-404",
          "Evolution does not know instance " + instance + " (" + detail + ")",
          null);
    }
    if (httpStatus == 400 && said != null && said.contains("\"exists\":false")) {
      return new SendResult.Rejected("not-on-whatsapp", "the number is not on WhatsApp");
    }
    if (httpStatus == 408 || httpStatus == 429 || httpStatus >= 500) {
      return new SendResult.RetryLater("http-" + httpStatus, detail, null);
    }
    return new SendResult.Rejected("http-" + httpStatus, detail);
  }

  /** {@code response.message}: an array of strings or objects, or a string; clipped. */
  private static String message(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonValue response = json.get("response");
    JsonValue message = response instanceof JsonObject r ? r.get("message") : json.get("message");
    if (message == null || message.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    String text;
    if (message instanceof JsonString s) {
      text = s.getString();
    } else if (message instanceof JsonArray a
        && a.size() == 1
        && a.get(0) instanceof JsonString s) {
      text = s.getString();
    } else {
      text = message.toString();
    }
    return Clip.withEllipsis(text.replaceAll("\\p{Cntrl}", " "), DETAIL_LENGTH);
  }

  private static String messageId(JsonObject json) {
    JsonObject key = json == null ? null : EvolutionJson.object(json, "key");
    return key == null ? null : EvolutionJson.text(key, "id");
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      return v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
