package org.ispchat.splynx;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An agent's ticket message (HTML from Splynx's editor) as plain text for a chat. */
final class PlainText {

  private static final Pattern BREAKS =
      Pattern.compile("(?i)<\\s*br\\s*/?>|<\\s*/\\s*(p|div|li|h[1-6]|tr|blockquote)\\s*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<\\s*li[^>]*>");
  private static final Pattern DROPPED =
      Pattern.compile("(?is)<\\s*(script|style)[^>]*>.*?<\\s*/\\s*\\1\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

  private PlainText() {}

  static String fromHtml(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String text = DROPPED.matcher(html).replaceAll("");
    text = text.replace("\r\n", "\n");
    text = LIST_ITEM.matcher(text).replaceAll("• ");
    text = BREAKS.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = entities(text);
    text = text.replace('\u00a0', ' ');
    text = text.replaceAll("[ \\t]+", " ");
    text = text.replaceAll(" ?\n ?", "\n");
    text = text.replaceAll("\n{3,}", "\n\n");
    return text.strip();
  }

  private static String entities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String entity(String name, String whole) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return whole;
    }
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> whole;
    };
  }
}
