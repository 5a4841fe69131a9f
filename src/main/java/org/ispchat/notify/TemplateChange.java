package org.ispchat.notify;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin's change to one notice wording, read and checked from the JSON of {@code PUT
 * .../templates/{message_type}/{language}}. A field left out keeps what is stored; a field given as
 * null (or an empty text) goes back to the default. Plain, so tests drive it directly.
 */
final class TemplateChange {

  static final Set<String> KEYS =
      Set.of("text", "template_name", "template_language", "parameters", "parameter_count");

  /** WhatsApp's limit for a text message body. */
  static final int MAX_TEXT = 4096;

  /** The fields a customer must see in every notice; a text without one gets a warning. */
  static final List<String> EXPECTED_IN_TEXT = List.of("customer_name", "amount", "invoice_id");

  /** Meta's rule for template names: lower-case letters, digits and underscores. */
  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");

  /** Meta's language codes: {@code en}, {@code ar}, {@code en_US}, {@code pt_BR}, ... */
  private static final Pattern TEMPLATE_LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

  private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_]+)}");

  private final Map<String, Object> given;
  private final List<String> warnings;

  private TemplateChange(Map<String, Object> given, List<String> warnings) {
    this.given = given;
    this.warnings = warnings;
  }

  /**
   * @throws BadRequest naming the field and what is wrong with it
   */
  static TemplateChange parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new BadRequest(
          "The body is empty; send a JSON object with any of " + String.join(", ", sorted()));
    }
    JsonValue value;
    try (var reader = JSON.createReader(new StringReader(raw))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      throw new BadRequest("The body is not valid JSON.");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequest("The body must be a JSON object.");
    }
    return from(value.asJsonObject());
  }

  static TemplateChange from(JsonObject body) {
    for (String key : body.keySet()) {
      if (!KEYS.contains(key)) {
        throw new BadRequest(
            "Unknown field '" + key + "'; a notice template takes " + String.join(", ", sorted()));
      }
    }
    Map<String, Object> given = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    if (body.containsKey("text")) {
      String text = string(body, "text");
      if (text != null && !text.isBlank()) {
        warnings.addAll(checkText(text));
      }
      given.put("text", text);
    }
    if (body.containsKey("template_name")) {
      given.put(
          "template_name",
          matching(
              body,
              "template_name",
              TEMPLATE_NAME,
              "lower-case letters, digits and underscores, as in WhatsApp Manager"));
    }
    if (body.containsKey("template_language")) {
      given.put(
          "template_language",
          matching(
              body,
              "template_language",
              TEMPLATE_LANGUAGE,
              "a WhatsApp language code such as en, ar or en_US"));
    }
    if (body.containsKey("parameters")) {
      given.put("parameters", parameters(body));
    }
    if (body.containsKey("parameter_count")) {
      given.put("parameter_count", count(body));
    }
    return new TemplateChange(given, List.copyOf(warnings));
  }

  /** What is worth telling the admin about an accepted text. */
  List<String> warnings() {
    return warnings;
  }

  /** Applies the change to the stored wording, keeping what the body left out. */
  @SuppressWarnings("unchecked")
  void applyTo(NoticeTemplate row, Instant now) {
    if (given.containsKey("text")) {
      row.reword((String) given.get("text"), now);
    }
    if (given.keySet().stream()
        .anyMatch(k -> k.startsWith("template_") || k.startsWith("parameter"))) {
      List<String> parameters =
          given.containsKey("parameters")
              ? (List<String>) given.get("parameters")
              : row.parameters();
      row.useTemplate(
          given.containsKey("template_name")
              ? (String) given.get("template_name")
              : row.templateName(),
          given.containsKey("template_language")
              ? (String) given.get("template_language")
              : row.templateLanguage(),
          parameters == null ? List.of() : parameters,
          given.containsKey("parameter_count")
              ? (Integer) given.get("parameter_count")
              : row.parameterCount(),
          now);
    }
  }

  /** Refuses a placeholder no request fills; warns about a notice missing what it is about. */
  static List<String> checkText(String text) {
    if (text.length() > MAX_TEXT) {
      throw new BadRequest("text is longer than WhatsApp's " + MAX_TEXT + " characters.");
    }
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      if (!NoticeWording.FIELDS.contains(m.group(1))) {
        throw new BadRequest(
            "text names {"
                + m.group(1)
                + "}, which no request fills; use "
                + String.join(", ", NoticeWording.FIELDS.stream().map(f -> "{" + f + "}").toList())
                + ".");
      }
    }
    List<String> warnings = new ArrayList<>();
    for (String field : EXPECTED_IN_TEXT) {
      if (!text.contains("{" + field + "}")) {
        warnings.add(
            "text does not show {" + field + "}: customers will not see it in this notice.");
      }
    }
    return warnings;
  }

  private static String string(JsonObject body, String key) {
    JsonValue v = body.get(key);
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw new BadRequest(key + " must be a string or null.");
    }
    return s.getString();
  }

  private static String matching(JsonObject body, String key, Pattern pattern, String rule) {
    String value = string(body, key);
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (!pattern.matcher(v).matches()) {
      throw new BadRequest(key + " '" + v + "' is not valid: " + rule + ".");
    }
    return v;
  }

  private static List<String> parameters(JsonObject body) {
    JsonValue v = body.get("parameters");
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      throw new BadRequest("parameters must be a list of request fields, in template order.");
    }
    List<String> fields = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s) || !NoticeWording.FIELDS.contains(s.getString())) {
        throw new BadRequest(
            "parameters: "
                + item
                + " is not a request field; use "
                + String.join(", ", NoticeWording.FIELDS)
                + ".");
      }
      fields.add(s.getString());
    }
    return fields;
  }

  private static Integer count(JsonObject body) {
    JsonValue v = body.get("parameter_count");
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.intValue() < 0 || n.intValue() > 100) {
      throw new BadRequest("parameter_count must be a whole number from 0 to 100, or null.");
    }
    return n.intValue();
  }

  private static List<String> sorted() {
    return KEYS.stream().sorted().toList();
  }
}
