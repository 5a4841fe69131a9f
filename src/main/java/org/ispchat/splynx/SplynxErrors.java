package org.ispchat.splynx;

import static org.ispchat.splynx.SplynxJson.objects;
import static org.ispchat.splynx.SplynxJson.text;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.ispchat.chat.Clip;

/**
 * Turns Splynx's answer into its JSON or into the exception for its status. Splynx's error body is
 * {@code {"error":{"message","code","internal_code"}}}; a 422 carries an array of {@code {field,
 * message}}. Each "unavailable" exception names what the ISP must fix, and never a secret.
 */
final class SplynxErrors {

  private static final int MAX_REASON = 300;

  private SplynxErrors() {}

  /** The JSON of a 2xx answer, else the exception for the status. */
  static JsonValue check(String what, int status, String body) {
    if (status >= 200 && status < 300) {
      return SplynxJson.parse(body);
    }
    throw failure(what, status, body);
  }

  static RuntimeException failure(String what, int status, String body) {
    JsonValue json = SplynxJson.parse(body);
    String code = internalCode(json);
    String reason = reason(json);
    return switch (status) {
      case 401 -> new SplynxAuthRefused(code, authRefusal(what, code, reason));
      case 403 ->
          new SplynxPermissionDenied(
              "Splynx denied ispchat's API key the permission for "
                  + what
                  + " (403"
                  + (code.isEmpty() ? "" : " " + code)
                  + "): grant it under Administration → API keys → Permissions"
                  + " (docs/splynx-setup.md)");
      case 404 -> new SplynxNotFound("Splynx has no " + what + " (404): " + reason);
      default ->
          status >= 400 && status < 500 && status != 408 && status != 429
              ? new SplynxRejected(what, status, code, reason)
              : new SplynxDown(
                  "Splynx failed on "
                      + what
                      + " (HTTP "
                      + status
                      + (code.isEmpty() ? "" : " " + code)
                      + (reason.isEmpty() ? "" : ": " + reason)
                      + ")");
    };
  }

  private static String authRefusal(String what, String code, String reason) {
    String fix =
        switch (code) {
          case "USER_AGENT_CHANGED" ->
              "the token is pinned to another User-Agent: keep splynx.user-agent the same on every"
                  + " node";
          case "IP_CHANGED" ->
              "the token is pinned to another address: use one egress address for all nodes or"
                  + " splynx.auth=signature";
          case "EXPIRED_ACCESS_TOKEN", "EXPIRED_REFRESH_TOKEN", "TOKEN_BANNED" ->
              "the access token was not accepted: check the key is still enabled";
          default ->
              "check splynx.api-key, splynx.api-secret, splynx.auth and the key's IP allow-list"
                  + " (Administration → API keys)";
        };
    return "Splynx refused the API key for "
        + what
        + " (401"
        + (code.isEmpty() ? "" : " " + code)
        + (reason.isEmpty() ? "" : ": " + reason)
        + "): "
        + fix;
  }

  /** Splynx's {@code internal_code}, or empty. */
  static String internalCode(JsonValue json) {
    if (json instanceof JsonObject o && o.get("error") instanceof JsonObject error) {
      return text(error, "internal_code").strip();
    }
    return "";
  }

  /** Splynx's own words: the envelope's message, the 422 field messages, or the clipped body. */
  static String reason(JsonValue json) {
    if (json instanceof JsonObject o && o.get("error") instanceof JsonObject error) {
      return clip(text(error, "message"));
    }
    if (json instanceof JsonObject o && o.containsKey("message") && !o.containsKey("field")) {
      return clip(text(o, "message"));
    }
    if (json.getValueType() == JsonValue.ValueType.ARRAY
        || (json instanceof JsonObject o && o.containsKey("field"))) {
      List<String> parts = new ArrayList<>();
      for (JsonObject item : objects(json)) {
        String field = text(item, "field");
        String message = text(item, "message");
        parts.add(field.isEmpty() ? message : field + ": " + message);
      }
      return clip(String.join("; ", parts));
    }
    return clip(text(json));
  }

  private static String clip(String text) {
    return Clip.withEllipsis(text.strip().replaceAll("\\s+", " "), MAX_REASON);
  }
}
