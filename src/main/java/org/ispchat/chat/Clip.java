package org.ispchat.chat;

/**
 * Shortens text to a column's or a provider's limit without ever cutting a surrogate pair (an
 * emoji, most often) in half. Lengths are UTF-16 units, which is how Java, the databases' character
 * columns and Meta count. The one home of clipping: the inbound store and every channel's mapping
 * use it.
 */
public final class Clip {

  private Clip() {}

  /** At most {@code max} units; null stays null. */
  public static String cut(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = max;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  /** At most {@code max} units including a closing ellipsis that shows the text was shortened. */
  public static String withEllipsis(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return cut(value, max - 1).stripTrailing() + "…";
  }
}
