package org.ispchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ClipTest {

  @Test
  void shortTextAndNullStayAsTheyAre() {
    assertEquals("hello", Clip.cut("hello", 5));
    assertEquals("hello", Clip.withEllipsis("hello", 5));
    assertNull(Clip.cut(null, 3));
  }

  @Test
  void cuttingNeverSplitsAnEmoji() {
    String text = "ab\uD83D\uDE00cd"; // "ab😀cd"
    assertEquals("ab", Clip.cut(text, 3));
    assertEquals("ab\uD83D\uDE00", Clip.cut(text, 4));
  }

  @Test
  void anEllipsisMarksShortenedTextWithinTheLimit() {
    assertEquals("hell…", Clip.withEllipsis("hello world", 5));
    assertEquals("ab…", Clip.withEllipsis("ab\uD83D\uDE00cd", 4));
  }
}
