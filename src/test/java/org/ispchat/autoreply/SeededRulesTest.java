package org.ispchat.autoreply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules schema 4 installs pass the rule's checks and answer the messages they are for. */
class SeededRulesTest {

  private static final Path MIGRATION =
      Path.of(
          System.getProperty("project.basedir", "."),
          "src/main/resources/db/migration/V4__auto_replies.sql");
  private static final Pattern ROW =
      Pattern.compile("\\((\\d+), '([^']*)', '(\\w+)', '(\\w+)', (\\d+),\\s*'([^']*)'");

  private static List<AutoReplyRule> seeded() throws IOException {
    Matcher m = ROW.matcher(Files.readString(MIGRATION));
    List<AutoReplyRule> rules = new ArrayList<>();
    while (m.find()) {
      RuleContent content =
          new RuleContent(
              List.of(m.group(2).split("\n")),
              MatchType.valueOf(m.group(3)),
              m.group(4),
              Integer.parseInt(m.group(5)),
              m.group(6));
      rules.add(
          AutoReplyMatcherTest.withId(
              Long.parseLong(m.group(1)), new AutoReplyRule(content, Instant.EPOCH)));
    }
    assertEquals(4, rules.size(), "rows read from " + MIGRATION);
    return rules;
  }

  private static Optional<Long> answer(String text, String language) throws IOException {
    return new AutoReplyMatcher(seeded()).match(text, language).map(AutoReplyRule::id);
  }

  @Test
  void englishSupportTexts() throws IOException {
    assertEquals(Optional.of(2L), answer("Support", "en"));
    assertEquals(Optional.of(2L), answer("how do I contact you?", "en"));
    assertEquals(Optional.of(1L), answer("my internet is slow", "en"));
    assertEquals(Optional.of(1L), answer("Internet problem", "en"));
    assertEquals(Optional.of(1L), answer("slow, need support", "en"), "the slow line first");
    assertEquals(Optional.empty(), answer("hello", "en"));
  }

  @Test
  void arabicSupportTexts() throws IOException {
    assertEquals(Optional.of(4L), answer("الدعم", "ar"));
    assertEquals(Optional.of(4L), answer("كيف نتواصل معاكم؟", "ar"));
    assertEquals(Optional.of(4L), answer("أبي رقم خدمة العملاء", "ar"));
    assertEquals(Optional.of(3L), answer("النت بطيء", "ar"));
    assertEquals(Optional.of(3L), answer("الشبكة بطيئة جداً", "ar"));
    assertEquals(Optional.of(3L), answer("عندي مشكلة في الإنترنت", "ar"));
    assertEquals(Optional.of(3L), answer("والنت ضعيف", "ar"));
    assertEquals(Optional.of(3L), answer("عندي مشكله في الاتصال", "ar"), "the line, not contact");
    assertEquals(Optional.empty(), answer("السلام عليكم", "ar"));
    assertEquals(Optional.empty(), answer("انت وين", "ar"));
  }

  @Test
  void repliesCarryTheSupportPhonePlaceholder() throws IOException {
    for (AutoReplyRule rule : seeded()) {
      if (rule.id() % 2 == 0) {
        assertTrue(rule.reply().contains("{support_phone}"), rule.reply());
        assertTrue(!rule.replyWith(Map.of("support_phone", "0910000000")).contains("{"));
      }
    }
  }
}
