package org.ispchat.autoreply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoRepliesTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  /** The service with the database replaced by a list and time set by the test. */
  private static final class Stubbed extends AutoReplies {
    List<AutoReplyRule> stored;
    int reads;

    @Override
    List<AutoReplyRule> enabledRules() {
      reads++;
      return stored;
    }
  }

  @Test
  void rulesAreReadOnceAndAgainAfterTenSeconds() {
    Stubbed replies = new Stubbed();
    replies.clock = Clock.fixed(T, ZoneOffset.UTC);
    replies.stored = List.of(AutoReplyMatcherTest.rule(1, MatchType.CONTAINS, null, 10, "slow"));
    assertEquals(1L, replies.match("slow", "en").orElseThrow().id());
    replies.stored = List.of(AutoReplyMatcherTest.rule(2, MatchType.CONTAINS, null, 10, "slow"));
    replies.clock = Clock.fixed(T.plusSeconds(9), ZoneOffset.UTC);
    assertEquals(1L, replies.match("slow", "en").orElseThrow().id());
    assertEquals(1, replies.reads);

    replies.clock = Clock.fixed(T.plusSeconds(10), ZoneOffset.UTC);
    assertEquals(Optional.of(2L), replies.match("slow", "en").map(AutoReplyRule::id));
    assertEquals(2, replies.reads);
  }
}
