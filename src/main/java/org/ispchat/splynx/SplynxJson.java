package org.ispchat.splynx;

import static org.ispchat.platform.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Splynx's JSON leniently. Splynx sends the same field as a string on one version and a
 * number or boolean on another ({@code "id": "1"} or {@code 1}, {@code "deposit": "7412.0000"} or
 * {@code 235.09}, flags {@code "0"}/{@code "1"} or {@code true}), lists as bare arrays, and {@code
 * 0000-00-00} for "no date". Every reader here accepts all of those, and answers "absent" (empty
 * string, null) rather than failing on a field it does not know.
 */
final class SplynxJson {

  private SplynxJson() {}

  /** The body as JSON; an empty body is {@link JsonValue#NULL}, a non-JSON body is a string. */
  static JsonValue parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.NULL;
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      return JSON.createValue(body.strip());
    }
  }

  /** The objects of a list: a bare array, an object of objects keyed by id, or one object. */
  static List<JsonObject> objects(JsonValue value) {
    List<JsonObject> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonObject o) {
          out.add(o);
        }
      }
    } else if (value instanceof JsonObject object) {
      boolean allObjects = !object.isEmpty();
      for (JsonValue item : object.values()) {
        allObjects &= item instanceof JsonObject;
      }
      if (allObjects && !object.containsKey("id")) {
        object.values().forEach(v -> out.add((JsonObject) v));
      } else {
        out.add(object);
      }
    }
    return out;
  }

  /** The value as an object; an empty object for anything else. */
  static JsonObject object(JsonValue value) {
    return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** A field as text whatever its JSON type; empty when absent or null. */
  static String text(JsonObject o, String name) {
    return text(o == null ? null : o.get(name));
  }

  static String text(JsonValue v) {
    if (v == null) {
      return "";
    }
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue().stripTrailingZeros().toPlainString();
      case TRUE -> "true";
      case FALSE -> "false";
      case NULL -> "";
      default -> v.toString();
    };
  }

  /** A money or other decimal field; null when absent, empty or not a number. */
  static BigDecimal decimal(JsonObject o, String name) {
    JsonValue v = o == null ? null : o.get(name);
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    String s = text(v).strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A counter (bytes, kbit/s); {@code absent} when missing or not a number. */
  static long whole(JsonObject o, String name, long absent) {
    BigDecimal d = decimal(o, name);
    return d == null ? absent : d.longValue();
  }

  /** A flag sent as {@code true}, {@code "1"}, {@code 1}, {@code "true"} or {@code "yes"}. */
  static boolean flag(JsonObject o, String name) {
    String s = text(o, name).strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "on" -> true;
      default -> {
        try {
          yield !s.isEmpty() && new BigDecimal(s).signum() != 0;
        } catch (NumberFormatException e) {
          yield false;
        }
      }
    };
  }

  /** A {@code YYYY-MM-DD} date (a datetime's date part is accepted); null for none or zero. */
  static LocalDate date(JsonObject o, String name) {
    String s = text(o, name).strip();
    if (s.length() >= 10) {
      s = s.substring(0, 10);
    }
    if (s.isEmpty() || s.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A {@code YYYY-MM-DD HH:MM:SS} datetime in Splynx's local time; null for none or zero. */
  static LocalDateTime dateTime(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty() || s.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      LocalDate day = dayOrNull(s);
      return day == null ? null : day.atStartOfDay();
    }
  }

  private static LocalDate dayOrNull(String s) {
    try {
      return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A field that holds a list of words: a JSON array, or text separated by commas. */
  static List<String> words(JsonObject o, String name) {
    JsonValue v = o == null ? null : o.get(name);
    List<String> out = new ArrayList<>();
    if (v instanceof JsonArray array) {
      array.forEach(item -> out.add(text(item).strip()));
    } else {
      for (String part : text(v).split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  /** The id a POST answered with ({@code {"id": N}}), or a bare id; null when none. */
  static String createdId(JsonValue body) {
    String id =
        body instanceof JsonObject o ? text(o, "id") : body == null ? "" : text(body).strip();
    return id.isEmpty() || id.startsWith("{") || id.startsWith("[") ? null : id;
  }

  /** Compares two ids numerically when both are numbers, else as text. */
  static int compareIds(String a, String b) {
    try {
      return new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip()));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
