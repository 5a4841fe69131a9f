package org.ispchat.chat.whatsapp;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Set;
import org.ispchat.chat.SendResult;

/**
 * Reads a Graph API answer into a {@link SendResult}. Meta asks integrators to branch on {@code
 * error.code}, not on titles or HTTP status (throttling comes as 400 as often as 429), so known
 * codes decide first and the HTTP status only for codes this table does not know.
 */
public final class GraphErrors {

  /** Passing conditions: throughput, pair rate, maintenance, Meta-side trouble. */
  static final Set<Integer> RETRYABLE =
      Set.of(1, 2, 4, 17, 32, 613, 80007, 130429, 131000, 131016, 131056, 131057, 133004);

  /**
   * Answers that will not change on retry: the 24-hour window closed (131047: needs a template),
   * undeliverable (131026), bad request (100), auth and permission (0, 10, 190, 200-299), spam and
   * policy limits, opted out, template problems, account restricted or unpaid.
   */
  static final Set<Integer> TERMINAL =
      Set.of(
          0, 3, 10, 100, 190, 368, 131008, 131009, 131021, 131026, 131031, 131042, 131047, 131048,
          131049, 131050, 131051, 131052, 131053, 132000, 132001, 132005, 132007, 132012, 132015,
          132016, 133010);

  /** Meta's pair limit is about one message every six seconds to one person. */
  static final Duration PAIR_RATE_WAIT = Duration.ofSeconds(6);

  private GraphErrors() {}

  public static SendResult classify(int httpStatus, String body) {
    JsonObject json = parse(body);
    if (httpStatus >= 200 && httpStatus < 300) {
      String wamid = messageId(json);
      return wamid != null
          ? new SendResult.Accepted(wamid)
          : new SendResult.RetryLater("http-" + httpStatus, "accepted without a message id", null);
    }
    JsonObject error = json == null ? null : WhatsAppEvents.object(json, "error");
    if (error == null) {
      String detail = "HTTP " + httpStatus + " without a Graph error body";
      return httpStatus == 429 || httpStatus >= 500 || httpStatus == 408
          ? new SendResult.RetryLater("http-" + httpStatus, detail, null)
          : new SendResult.Rejected("http-" + httpStatus, detail);
    }
    int code = error.containsKey("code") ? error.getJsonNumber("code").intValue() : -1;
    String detail = describe(error);
    String codeText = String.valueOf(code);
    if (TERMINAL.contains(code) || (code >= 200 && code <= 299)) {
      return new SendResult.Rejected(codeText, detail);
    }
    if (RETRYABLE.contains(code) || error.getBoolean("is_transient", false)) {
      return new SendResult.RetryLater(codeText, detail, code == 131056 ? PAIR_RATE_WAIT : null);
    }
    return httpStatus == 429 || httpStatus >= 500
        ? new SendResult.RetryLater(codeText, detail, null)
        : new SendResult.Rejected(codeText, detail);
  }

  private static String describe(JsonObject error) {
    StringBuilder d = new StringBuilder();
    String message = WhatsAppEvents.string(error, "message");
    if (message != null) {
      d.append(message);
    }
    JsonObject data = WhatsAppEvents.object(error, "error_data");
    String details = data == null ? null : WhatsAppEvents.string(data, "details");
    if (details != null) {
      d.append(d.length() > 0 ? " — " : "").append(details);
    }
    String trace = WhatsAppEvents.string(error, "fbtrace_id");
    if (trace != null) {
      d.append(" (fbtrace_id ").append(trace).append(')');
    }
    return d.toString();
  }

  private static String messageId(JsonObject json) {
    if (json == null || !(json.get("messages") instanceof JsonArray messages)) {
      return null;
    }
    if (messages.isEmpty() || messages.get(0).getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    return WhatsAppEvents.string(messages.getJsonObject(0), "id");
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
