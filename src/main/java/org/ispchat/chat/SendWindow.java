package org.ispchat.chat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of the day, in a sender's time zone, when non-urgent messages may reach people: {@code
 * HH:MM-HH:MM}. {@code 00:00-24:00} means any time; a window may wrap past midnight ({@code
 * 22:00-06:00}).
 */
public record SendWindow(LocalTime opens, LocalTime closes, boolean always) {

  // Before DEFAULT and ALWAYS: static fields initialise in order, and parse needs it.
  private static final Pattern FORM =
      Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

  public static final SendWindow DEFAULT = parse("08:00-21:00");
  public static final SendWindow ALWAYS = parse("00:00-24:00");

  /** Reads {@code HH:MM-HH:MM}; throws IllegalArgumentException with a readable message. */
  public static SendWindow parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "a send window is HH:MM-HH:MM (for example 08:00-21:00), not '" + text + "'");
    }
    try {
      LocalTime opens = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      int closeHour = Integer.parseInt(m.group(3));
      int closeMinute = Integer.parseInt(m.group(4));
      if (closeHour == 24 && closeMinute == 0) {
        return new SendWindow(opens, LocalTime.MIDNIGHT, opens.equals(LocalTime.MIDNIGHT));
      }
      LocalTime closes = LocalTime.of(closeHour, closeMinute);
      if (opens.equals(closes)) {
        throw new IllegalArgumentException(
            "a send window must not open and close at the same time: '" + text + "'");
      }
      return new SendWindow(opens, closes, false);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a time of day in '" + text + "': " + e.getMessage());
    }
  }

  /** Whether this instant falls inside the window in that zone. */
  public boolean contains(Instant at, ZoneId zone) {
    if (always) {
      return true;
    }
    LocalTime t = at.atZone(zone).toLocalTime();
    if (closes.equals(LocalTime.MIDNIGHT)) {
      return !t.isBefore(opens);
    }
    if (opens.isBefore(closes)) {
      return !t.isBefore(opens) && t.isBefore(closes);
    }
    return !t.isBefore(opens) || t.isBefore(closes); // wraps past midnight
  }

  /** {@code at} itself when inside the window, else the window's next opening in that zone. */
  public Instant nextOpening(Instant at, ZoneId zone) {
    if (contains(at, zone)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(opens).atZone(zone);
    ZonedDateTime next = today.isAfter(local) ? today : today.plusDays(1);
    return next.toInstant();
  }

  @Override
  public String toString() {
    return opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
  }

  /** A zone id, checked: throws IllegalArgumentException with a readable message. */
  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeParseException | java.time.zone.ZoneRulesException | NullPointerException e) {
      throw new IllegalArgumentException(
          "'" + id + "' is not a time zone id (for example Africa/Tripoli)");
    }
  }
}
