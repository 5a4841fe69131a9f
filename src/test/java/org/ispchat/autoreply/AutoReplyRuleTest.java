package org.ispchat.autoreply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoReplyRuleTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  private static RuleContent content(MatchType type, String reply, String... keywords) {
    return new RuleContent(List.of(keywords), type, "en", 10, reply);
  }

  private static String refusal(RuleContent content) {
    return assertThrows(IllegalArgumentException.class, () -> new AutoReplyRule(content, T))
        .getMessage();
  }

  @Test
  void regexThatDoesNotCompileIsRefusedWithTheReason() {
    String message = refusal(content(MatchType.REGEX, "hi", "speed(test"));
    assertTrue(message.contains("\"speed(test\" is not a valid regular expression"), message);
    assertTrue(message.contains("Unclosed group"), message);
  }

  @Test
  void regexThatMatchesEveryMessageIsRefused() {
    assertTrue(refusal(content(MatchType.REGEX, "hi", "x*")).contains("every message"));
  }

  @Test
  void blankReplyIsRefused() {
    assertEquals("the reply must not be blank", refusal(content(MatchType.EXACT, "  \n", "hi")));
    assertEquals("the reply must not be blank", refusal(content(MatchType.EXACT, null, "hi")));
  }

  @Test
  void replyLongerThanWhatsAppAllowsIsRefused() {
    new AutoReplyRule(content(MatchType.EXACT, "x".repeat(4096), "hi"), T);
    String message = refusal(content(MatchType.EXACT, "x".repeat(4097), "hi"));
    assertTrue(message.contains("4097") && message.contains("4096"), message);
  }

  @Test
  void aRuleNeedsAKeywordWithSomethingToMatch() {
    assertEquals(
        "a rule needs at least one keyword", refusal(content(MatchType.CONTAINS, "hi", " ", "")));
    assertTrue(refusal(content(MatchType.CONTAINS, "hi", "?!")).contains("no letters or digits"));
  }

  @Test
  void unknownLanguageIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AutoReplyRule(new RuleContent(List.of("hi"), MatchType.EXACT, "fr", 1, "x"), T));
  }

  @Test
  void keywordsAreKeptOnePerLineTrimmedAndWithoutRepeats() {
    AutoReplyRule rule =
        new AutoReplyRule(
            new RuleContent(
                List.of(" slow ", "internet\n  problem", "slow"),
                MatchType.CONTAINS,
                "AR",
                3,
                " x "),
            T);
    assertEquals(List.of("slow", "internet problem"), rule.keywords());
    assertEquals("ar", rule.language());
    assertEquals("x", rule.reply());
  }

  @Test
  void changeReplacesEverythingOrNothing() {
    AutoReplyRule rule = new AutoReplyRule(content(MatchType.EXACT, "old", "hi"), T);
    assertThrows(
        IllegalArgumentException.class,
        () -> rule.change(content(MatchType.REGEX, "new", "("), T.plusSeconds(1)));
    assertEquals(content(MatchType.EXACT, "old", "hi"), rule.content());
    rule.change(content(MatchType.CONTAINS, "new", "hello"), T.plusSeconds(2));
    assertEquals(content(MatchType.CONTAINS, "new", "hello"), rule.content());
    assertEquals(T.plusSeconds(2), rule.updatedAt());
  }

  @Test
  void enableAndDisable() {
    AutoReplyRule rule = new AutoReplyRule(content(MatchType.EXACT, "x", "hi"), T);
    assertTrue(rule.enabled());
    rule.disable(T.plusSeconds(1));
    assertFalse(rule.enabled());
    rule.enable(T.plusSeconds(2));
    assertTrue(rule.enabled());
    assertEquals(T.plusSeconds(2), rule.updatedAt());
  }

  @Test
  void knownPlaceholdersAreFilledAndUnknownOnesStay() {
    AutoReplyRule rule =
        new AutoReplyRule(
            content(
                MatchType.EXACT, "Call {support_phone} ({hours}); cost $1 {support_phone}", "hi"),
            T);
    assertEquals(
        "Call +218 91 000 0000 ({hours}); cost $1 +218 91 000 0000",
        rule.replyWith(Map.of("support_phone", "+218 91 000 0000")));
    assertEquals(
        "Call $5\\ ({hours}); cost $1 $5\\", rule.replyWith(Map.of("support_phone", "$5\\")));
  }
}
