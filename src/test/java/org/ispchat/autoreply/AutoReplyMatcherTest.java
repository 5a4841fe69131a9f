package org.ispchat.autoreply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoReplyMatcherTest {

  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  static AutoReplyRule rule(
      long id, MatchType type, String language, int priority, String... keywords) {
    return withId(
        id,
        new AutoReplyRule(
            new RuleContent(List.of(keywords), type, language, priority, "reply " + id), T));
  }

  /** Ids come from the database's sequence; the tie-break on them needs some here. */
  static AutoReplyRule withId(long id, AutoReplyRule rule) {
    try {
      Field field = AutoReplyRule.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(rule, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return rule;
  }

  private static Optional<Long> answer(List<AutoReplyRule> rules, String text, String language) {
    return new AutoReplyMatcher(rules).match(text, language).map(AutoReplyRule::id);
  }

  @Test
  void exactMatchesTheWholeMessageOnlyIgnoringCaseSpacesAndPunctuation() {
    List<AutoReplyRule> rules = List.of(rule(1, MatchType.EXACT, null, 10, "customer service"));
    assertEquals(Optional.of(1L), answer(rules, "  Customer   SERVICE?! ", "en"));
    assertEquals(Optional.empty(), answer(rules, "customer service please", "en"));
  }

  @Test
  void containsMatchesWholeWordsNotPartsOfWords() {
    List<AutoReplyRule> rules =
        List.of(rule(1, MatchType.CONTAINS, "en", 10, "slow", "internet problem"));
    assertEquals(Optional.of(1L), answer(rules, "my internet is slow", "en"));
    assertEquals(Optional.of(1L), answer(rules, "SLOW!!", "en"));
    assertEquals(Optional.of(1L), answer(rules, "I have an Internet  problem today", "en"));
    assertEquals(Optional.empty(), answer(rules, "the slowness is annoying", "en"));
    assertEquals(Optional.empty(), answer(rules, "slowly", "en"));
    assertEquals(
        Optional.empty(), answer(rules, "problem with internet", "en"), "words in the given order");
  }

  @Test
  void fullWidthAndOtherCompatibilityFormsMatchAfterNfkc() {
    List<AutoReplyRule> rules = List.of(rule(1, MatchType.CONTAINS, null, 10, "slow"));
    assertEquals(Optional.of(1L), answer(rules, "ｓｌｏｗ", "en"));
  }

  @Test
  void arabicMatchesWithOrWithoutHarakatTatweelAndHamzaOnAlef() {
    List<AutoReplyRule> rules = List.of(rule(1, MatchType.CONTAINS, "ar", 10, "مشكلة في الإنترنت"));
    assertEquals(Optional.of(1L), answer(rules, "عندي مشكلة في الانترنت", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "عِنْدِي مُشْكِلَةٌ فِي الإِنْتَرْنِتْ", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "مشكلــــة في الأنترنت", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "مشكله في الانترنت", "ar"), "ة written as ه");
  }

  @Test
  void alefMaqsuraAndYehAreOneLetter() {
    List<AutoReplyRule> rules = List.of(rule(1, MatchType.EXACT, "ar", 10, "مستوى"));
    assertEquals(Optional.of(1L), answer(rules, "مستوي", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "آمستوى".substring(1), "ar"));
  }

  @Test
  void arabicKeywordMatchesBehindAttachedPrefixesButNotInsideOtherWords() {
    List<AutoReplyRule> rules =
        List.of(
            rule(1, MatchType.CONTAINS, "ar", 10, "دعم"),
            rule(2, MatchType.CONTAINS, "ar", 20, "النت ضعيف"));
    assertEquals(Optional.of(1L), answer(rules, "أريد الدعم", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "كيف أتصل بالدعم الفني", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "رقم للدعم؟", "ar"));
    assertEquals(Optional.of(1L), answer(rules, "ودعم", "ar"));
    assertEquals(Optional.of(2L), answer(rules, "والنت ضعيف جدا", "ar"));
    assertEquals(
        Optional.of(2L), answer(rules, "نت ضعيف", "ar"), "the keyword's article is optional");
    assertEquals(Optional.empty(), answer(rules, "انت ضعيف", "ar"), "انت (you) is not نت");
    assertEquals(Optional.empty(), answer(rules, "مدعوم", "ar"));
  }

  @Test
  void regexIsFoundAnywhereIgnoringCase() {
    List<AutoReplyRule> rules =
        List.of(rule(1, MatchType.REGEX, null, 10, "speed\\s*test", "\\bping\\b"));
    assertEquals(Optional.of(1L), answer(rules, "can you do a SpeedTest?", "en"));
    assertEquals(Optional.of(1L), answer(rules, "high ping tonight", "en"));
    assertEquals(Optional.empty(), answer(rules, "shopping", "en"));
  }

  @Test
  void catastrophicRegexIsCutShortAndCountsAsNoMatch() {
    List<AutoReplyRule> rules =
        List.of(
            rule(1, MatchType.REGEX, null, 10, "(a+)+$"),
            rule(2, MatchType.CONTAINS, null, 20, "aaaa"));
    // 2^40 steps without the guard: this would run for hours.
    String attack = "a".repeat(40) + "!";
    Optional<Long> chosen =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> answer(rules, attack, "en"));
    assertEquals(Optional.empty(), chosen);
    assertEquals(
        Optional.of(2L),
        answer(rules, "aaaa !", "en"),
        "a well-behaved message still reaches the later rules");
  }

  @Test
  void budgetIsCountedPerMessage() {
    AutoReplyRule rule = rule(1, MatchType.REGEX, null, 10, "x.*y");
    AutoReplyMatcher tight = new AutoReplyMatcher(List.of(rule), 100);
    assertEquals(Optional.empty(), tight.match("x" + "-".repeat(200) + "y", "en"));
    assertTrue(tight.match("xy", "en").isPresent(), "a fresh budget for the next message");
  }

  @Test
  void onlyRulesInTheChatsLanguageOrInNoneAnswer() {
    List<AutoReplyRule> rules =
        List.of(
            rule(1, MatchType.CONTAINS, "ar", 10, "wifi"),
            rule(2, MatchType.CONTAINS, null, 20, "wifi"),
            rule(3, MatchType.CONTAINS, "en", 30, "router"));
    assertEquals(Optional.of(1L), answer(rules, "wifi", "ar"));
    assertEquals(Optional.of(2L), answer(rules, "wifi", "en"));
    assertEquals(Optional.of(2L), answer(rules, "wifi", null));
    assertEquals(Optional.of(3L), answer(rules, "router", "en-GB"));
    assertEquals(Optional.empty(), answer(rules, "router", "ar"));
  }

  @Test
  void lowerPriorityNumberWinsThenTheOlderRule() {
    List<AutoReplyRule> rules =
        List.of(
            rule(7, MatchType.CONTAINS, null, 50, "slow"),
            rule(5, MatchType.CONTAINS, null, 20, "internet"),
            rule(3, MatchType.CONTAINS, null, 20, "slow"));
    assertEquals(Optional.of(3L), answer(rules, "slow internet", "en"));
    assertEquals(Optional.of(5L), answer(rules, "internet", "en"));
  }

  @Test
  void disabledRuleIsIgnored() {
    AutoReplyRule off = rule(1, MatchType.CONTAINS, null, 1, "slow");
    off.disable(T);
    List<AutoReplyRule> rules = List.of(off, rule(2, MatchType.CONTAINS, null, 99, "slow"));
    assertEquals(Optional.of(2L), answer(rules, "slow", "en"));
  }

  @Test
  void blankOrMissingMessageMatchesNothing() {
    List<AutoReplyRule> rules = List.of(rule(1, MatchType.REGEX, null, 1, "\\s"));
    assertEquals(Optional.empty(), answer(rules, "   ", "en"));
    assertEquals(Optional.empty(), answer(rules, null, "en"));
  }
}
