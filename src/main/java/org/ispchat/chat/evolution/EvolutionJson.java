package org.ispchat.chat.evolution;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Lenient reads of Evolution's JSON: a field of the wrong type counts as absent. */
final class EvolutionJson {

  private EvolutionJson() {}

  static JsonObject object(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
  }

  /** A string or number as text, without U+0000 (PostgreSQL text cannot hold it); else null. */
  static String string(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    if (v instanceof JsonString s) {
      String value = s.getString();
      return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  /** A string that says something: null when missing, of the wrong type, empty or blank. */
  static String text(JsonObject parent, String key) {
    String value = string(parent, key);
    return value == null || value.isBlank() ? null : value;
  }

  static boolean isTrue(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    return v != null && v.getValueType() == JsonValue.ValueType.TRUE;
  }

  static boolean isFalse(JsonObject parent, String key) {
    JsonValue v = parent.get(key);
    return v != null && v.getValueType() == JsonValue.ValueType.FALSE;
  }
}
