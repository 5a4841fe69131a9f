package org.ispchat.testing;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splynx's list query, as a PHP (Yii2) back end reads it: bracketed parameters such as {@code
 * main_attributes[phone][0]=LIKE&main_attributes[phone][1]=0821} become nested maps, then filter,
 * order, offset and limit a list of rows (reference §2.2, §2.3). Also reads form bodies, which use
 * the same bracket syntax.
 */
final class SplynxQuery {

  /** A search Splynx would refuse (unknown operator or attribute): the fake answers 400. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final Map<String, Object> params;

  private SplynxQuery(Map<String, Object> params) {
    this.params = params;
  }

  static SplynxQuery parse(String rawQuery) {
    return new SplynxQuery(brackets(rawQuery));
  }

  /** {@code a=1&b[c][0]=x&b[c][1]=y} → {@code {a=1, b={c={0=x, 1=y}}}}, URL-decoded, in order. */
  static Map<String, Object> brackets(String raw) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return root;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      put(root, key, value);
    }
    return root;
  }

  /** Puts one PHP-style key ({@code name[a][]}) into a nested map. */
  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> root, String key, Object value) {
    int open = key.indexOf('[');
    if (open <= 0 || !key.endsWith("]")) {
      root.put(key, value);
      return;
    }
    List<String> path = new ArrayList<>();
    path.add(key.substring(0, open));
    for (String part : key.substring(open + 1, key.length() - 1).split("\\]\\[", -1)) {
      path.add(part);
    }
    Map<String, Object> node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      String name = path.get(i).isEmpty() ? String.valueOf(node.size()) : path.get(i);
      Object child = node.get(name);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        node.put(name, child);
      }
      node = (Map<String, Object>) child;
    }
    String last = path.get(path.size() - 1);
    node.put(last.isEmpty() ? String.valueOf(node.size()) : last, value);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** A plain (non-bracketed) parameter, or null. */
  String get(String name) {
    Object v = params.get(name);
    return v instanceof String s ? s : null;
  }

  /** True when {@code main_attributes[field]} is present. */
  boolean filters(String field) {
    return section("main_attributes").containsKey(field);
  }

  /** Rows that match every condition, ordered, then offset and limited. */
  List<Map<String, Object>> apply(Collection<Map<String, Object>> rows) {
    Map<String, Object> main = section("main_attributes");
    Map<String, Object> additional = section("additional_attributes");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (matchesAll(row, main, false) && matchesAll(row, additional, true)) {
        out.add(row);
      }
    }
    Comparator<Map<String, Object>> order = null;
    for (Map.Entry<String, Object> e : section("order").entrySet()) {
      String field = e.getKey();
      Comparator<Map<String, Object>> by =
          (a, b) -> compare(text(a.get(field)), text(b.get(field)));
      if ("DESC".equalsIgnoreCase(String.valueOf(e.getValue()))) {
        by = by.reversed();
      }
      order = order == null ? by : order.thenComparing(by);
    }
    if (order != null) {
      out.sort(order);
    }
    int offset = number("offset", 0);
    int limit = number("limit", Integer.MAX_VALUE);
    if (offset >= out.size()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(out.subList(offset, (int) Math.min(out.size(), (long) offset + limit)));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String name) {
    Object v = params.get(name);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  private int number(String name, int fallback) {
    String v = get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(0, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      throw new Refused(name + " must be a number");
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean matchesAll(
      Map<String, Object> row, Map<String, Object> conditions, boolean additional) {
    Map<String, Object> source =
        additional && row.get("additional_attributes") instanceof Map<?, ?> m
            ? (Map<String, Object>) m
            : row;
    for (Map.Entry<String, Object> c : conditions.entrySet()) {
      if (!source.containsKey(c.getKey())) {
        // Yii2 would fail on an unknown column; a typo in a client should not pass silently.
        throw new Refused("Unknown attribute " + c.getKey());
      }
      if (!matches(source.get(c.getKey()), c.getValue())) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Object actual, Object condition) {
    if (!(condition instanceof Map)) {
      return equal(text(actual), String.valueOf(condition));
    }
    Map<String, Object> c = (Map<String, Object>) condition;
    String op = String.valueOf(c.get("0")).strip().toUpperCase(Locale.ROOT);
    Object operand = c.get("1");
    String value = text(actual);
    String wanted = operand instanceof String s ? s : null;
    return switch (op) {
      case "=" -> equal(value, wanted);
      case "!=", "<>" -> !equal(value, wanted);
      case ">" -> value != null && compare(value, wanted) > 0;
      case "<" -> value != null && compare(value, wanted) < 0;
      case ">=" -> value != null && compare(value, wanted) >= 0;
      case "<=" -> value != null && compare(value, wanted) <= 0;
      // Yii2's like escapes % and _ and wraps the value in %...%: a substring match.
      case "LIKE" -> value != null && contains(value, wanted);
      case "NOT LIKE" -> value == null || !contains(value, wanted);
      case "IN" -> values(operand).stream().anyMatch(v -> equal(value, v));
      case "NOT IN" -> values(operand).stream().noneMatch(v -> equal(value, v));
      case "BETWEEN" ->
          value != null
              && compare(value, wanted) >= 0
              && compare(value, String.valueOf(c.get("2"))) <= 0;
      case "REGEXP" ->
          value != null && Pattern.compile(wanted, Pattern.CASE_INSENSITIVE).matcher(value).find();
      case "FIND_IN_SET" ->
          value != null && List.of(value.split(",")).stream().anyMatch(p -> equal(p, wanted));
      case "IS" ->
          "NULL".equalsIgnoreCase(wanted)
              ? actual == null
              : "NOT NULL".equalsIgnoreCase(wanted) && actual != null;
      default -> throw new Refused("Unknown operator " + op);
    };
  }

  @SuppressWarnings("unchecked")
  private static List<String> values(Object operand) {
    if (operand instanceof Map) {
      return ((Map<String, Object>) operand).values().stream().map(String::valueOf).toList();
    }
    return operand == null ? List.of() : List.of(String.valueOf(operand));
  }

  private static boolean contains(String value, String wanted) {
    return wanted != null
        && value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
  }

  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return String.valueOf(v);
  }

  /** MySQL-like: numbers compare as numbers, text case-insensitively. */
  private static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    return a.strip().equalsIgnoreCase(b.strip());
  }

  static int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    return a.compareToIgnoreCase(b);
  }

  private static BigDecimal decimal(String s) {
    // A leading zero marks text (a local phone number), not a number.
    if (s.isEmpty() || !s.strip().matches("-?(0|[1-9]\\d*)(\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(s.strip());
  }
}
