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

  /**
   * What the commonest refusals mean for whoever reads a message's status (an ISP's billing
   * integrator, an admin): Meta's own texts name the rule, not what to do.
   */
  static final java.util.Map<Integer, String> PLAIN_WORDS =
      java.util.Map.ofEntries(
          java.util.Map.entry(
              131047,
              "More than 24 hours since the customer last wrote: WhatsApp accepts only an approved"
                  + " template now."),
          java.util.Map.entry(
              131026,
              "The number is not on WhatsApp, or the customer's app cannot receive this message."),
          java.util.Map.entry(
              131050, "The customer has stopped marketing messages from this business."),
          java.util.Map.entry(
              131049,
              "WhatsApp held the message back to limit business messages to this customer; try"
                  + " later."),
          java.util.Map.entry(
              132000, "The template's parameters do not match what the approved template takes."),
          java.util.Map.entry(
              132001, "The template does not exist in this language, or is not approved yet."),
          java.util.Map.entry(190, "The WhatsApp access token has expired or is invalid."),
          java.util.Map.entry(
              131042, "The WhatsApp Business Account has a payment problem (Meta billing)."),
          java.util.Map.entry(130429, "Sending too fast for this number's throughput limit."),
          java.util.Map.entry(131056, "Too many messages to this customer in a short time."),
          java.util.Map.entry(100, "WhatsApp refused the request as invalid."),
          java.util.Map.entry(368, "The WhatsApp account is restricted for a policy violation."),
          java.util.Map.entry(131031, "The WhatsApp account is locked."));

  /** Meta's detail, led by what it means in plain words when the code is a known one. */
  static String inPlainWords(String code, String detail) {
    Integer known;
    try {
      known = code == null ? null : Integer.valueOf(code);
    } catch (NumberFormatException e) {
      known = null;
    }
    String plain = known == null ? null : PLAIN_WORDS.get(known);
    if (plain == null) {
      return detail;
    }
    return detail == null || detail.isBlank() ? plain : plain + " (WhatsApp: " + detail + ")";
  }

  private static String describe(JsonObject error) {
    int code = error.containsKey("code") ? error.getJsonNumber("code").intValue() : -1;
    String plain = PLAIN_WORDS.get(code);
    String meta = metaWords(error);
    return plain == null ? meta : plain + (meta.isEmpty() ? "" : " (WhatsApp: " + meta + ")");
  }

  private static String metaWords(JsonObject error) {
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
