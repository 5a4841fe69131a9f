package org.ispchat.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

  @Test
  void aCursorRoundTripsThroughItsText() {
    FeedCursor c = new FeedCursor(Instant.parse("2026-11-29T10:00:00.123456Z"), "s42");
    assertEquals(c, FeedCursor.parse(c.text()));
  }

  @Test
  void anInstantStartsAFeed() {
    assertEquals(
        new FeedCursor(Instant.parse("2026-11-29T10:00:00Z"), ""),
        FeedCursor.parse("2026-11-29T10:00:00Z"));
    assertEquals(FeedCursor.START, FeedCursor.parse(null));
  }

  @Test
  void changesAtTheSameInstantAreOrderedByTheirTieBreaker() {
    Instant t = Instant.parse("2026-11-29T10:00:00Z");
    FeedCursor c = new FeedCursor(t, "s5");
    assertFalse(c.before(t, "s5"), "the last change seen is not seen again");
    assertTrue(c.before(t, "s6"));
    assertTrue(c.before(t.plusNanos(1000), "a"));
    assertFalse(c.before(t.minusSeconds(1), "z"));
  }

  @Test
  void garbageIsA400() {
    assertThrows(BadRequest.class, () -> FeedCursor.parse("yesterday"));
  }
}
