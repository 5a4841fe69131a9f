package org.ispchat.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A position in the change feed: the time of the last change seen and its tie-breaker. Given to
 * clients as an opaque string; an ISO 8601 instant is accepted too, for a first call ("everything
 * since yesterday noon").
 */
public record FeedCursor(Instant at, String order) {

  public static final FeedCursor START = new FeedCursor(Instant.EPOCH, "");

  /** Whether a change at {@code at} with tie-breaker {@code order} comes after this position. */
  boolean before(Instant changeAt, String changeOrder) {
    int c = changeAt.compareTo(at);
    return c > 0 || (c == 0 && changeOrder.compareTo(order) > 0);
  }

  public String text() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at + "|" + order).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor or an ISO instant; throws {@link BadRequest} for anything else. */
  public static FeedCursor parse(String text) {
    if (text == null || text.isBlank()) {
      return START;
    }
    try {
      return new FeedCursor(Instant.parse(text.strip()), "");
    } catch (DateTimeParseException notAnInstant) {
      // an opaque cursor
    }
    try {
      String decoded =
          new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
      int bar = decoded.indexOf('|');
      return new FeedCursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
    } catch (IllegalArgumentException
        | DateTimeParseException
        | StringIndexOutOfBoundsException e) {
      throw new BadRequest(
          "since must be a cursor returned by this API (next) or an ISO 8601 instant such as"
              + " 2026-02-15T08:00:00Z.");
    }
  }
}
