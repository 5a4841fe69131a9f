package org.ispchat.dialog;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a step keeps on the chat between two messages (the plan picked, the login typed), as {@code
 * key=value&...} text: readable in the database, and nothing a node would need to keep in memory.
 */
public final class StepData {

  private final Map<String, String> values;

  private StepData(Map<String, String> values) {
    this.values = values;
  }

  public static StepData empty() {
    return new StepData(new LinkedHashMap<>());
  }

  public static StepData parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text != null && !text.isEmpty()) {
      for (String pair : text.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return new StepData(values);
  }

  public StepData with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key, value == null ? "" : value);
    return new StepData(copy);
  }

  public String get(String key) {
    return values.get(key);
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
