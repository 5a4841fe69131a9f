package org.ispchat.autoreply;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Picks the auto-reply for a customer's message from a fixed set of rules. Plain Java, immutable
 * and safe to share between threads: {@link AutoReplies} builds one from the enabled rules and
 * keeps it for a few seconds.
 *
 * <p>Of the rules that match, the one with the lowest priority number wins, then the lowest id (the
 * older rule). Only enabled rules take part, and only those in the chat's language or in none.
 *
 * <p>CONTAINS looks for whole words: "my internet is slow" matches {@code slow}, "slowness" does
 * not, and a keyword of several words must appear as those words in that order. Arabic attaches
 * conjunctions, prepositions and the article to the word ({@code والنت}, {@code بالدعم}, {@code
 * للدعم}), so an Arabic keyword also matches a word that is the keyword behind one of those
 * prefixes, and a keyword written with {@code ال} also matches the word without it. It is not a
 * plain substring search: short roots hide inside unrelated words ({@code نت} in {@code انت} "you"
 * and {@code انتظر} "wait").
 */
public final class AutoReplyMatcher {

  /** Character reads one regex keyword may spend on one message (see {@link GuardedText}). */
  static final long REGEX_BUDGET = 5_000_000;

  private static final Logger LOG = Logger.getLogger(AutoReplyMatcher.class.getName());

  /** و/ف ("and", "so") before ب/ك/ل ("with", "like", "for") and the article ال, as written. */
  private static final List<String> ARABIC_PREFIXES =
      List.of("", "و", "ف").stream()
          .flatMap(
              conjunction ->
                  List.of("", "ب", "ك", "ل", "ال", "بال", "كال", "لل").stream()
                      .map(particle -> conjunction + particle))
          .filter(prefix -> !prefix.isEmpty())
          .toList();

  private static final String ARTICLE = "ال";

  private final List<Candidate> candidates;
  private final long regexBudget;

  public AutoReplyMatcher(Collection<AutoReplyRule> rules) {
    this(rules, REGEX_BUDGET);
  }

  AutoReplyMatcher(Collection<AutoReplyRule> rules, long regexBudget) {
    this.regexBudget = regexBudget;
    this.candidates =
        rules.stream()
            .filter(AutoReplyRule::enabled)
            .sorted(
                Comparator.comparingInt(AutoReplyRule::priority)
                    .thenComparing(
                        AutoReplyRule::id, Comparator.nullsLast(Comparator.naturalOrder())))
            .flatMap(rule -> Candidate.of(rule).stream())
            .toList();
  }

  /**
   * The rule that answers this message in a chat of this language ({@code en}, {@code ar}; null
   * when unknown, which only rules for any language answer).
   */
  public Optional<AutoReplyRule> match(String text, String language) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String chatLanguage = primaryLanguage(language);
    List<String> words = NormalisedText.words(text);
    String plain = NormalisedText.forPattern(text);
    for (Candidate candidate : candidates) {
      String ruleLanguage = candidate.rule.language();
      if (ruleLanguage != null && !ruleLanguage.equals(chatLanguage)) {
        continue;
      }
      if (candidate.matches(words, plain, regexBudget)) {
        return Optional.of(candidate.rule);
      }
    }
    return Optional.empty();
  }

  /**
   * The pattern for a REGEX keyword, or an {@link IllegalArgumentException} saying why there is
   * none. Matching ignores case, in every script.
   */
  static Pattern compile(String keyword) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(keyword, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "keyword \""
              + keyword
              + "\" is not a valid regular expression: "
              + e.getDescription()
              + " near position "
              + e.getIndex(),
          e);
    }
    if (pattern.matcher("").find()) {
      throw new IllegalArgumentException(
          "keyword \"" + keyword + "\" matches an empty text, so it would answer every message");
    }
    return pattern;
  }

  private static String primaryLanguage(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    return language.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** A rule with its keywords prepared once for matching. */
  private record Candidate(
      AutoReplyRule rule, List<List<String>> keywordWords, List<Pattern> regex) {

    /** Empty for a rule that cannot match (a row edited by hand past the rule's checks). */
    static Optional<Candidate> of(AutoReplyRule rule) {
      if (rule.matchType() != MatchType.REGEX) {
        return Optional.of(
            new Candidate(
                rule, rule.keywords().stream().map(NormalisedText::words).toList(), List.of()));
      }
      try {
        return Optional.of(
            new Candidate(
                rule, List.of(), rule.keywords().stream().map(AutoReplyMatcher::compile).toList()));
      } catch (IllegalArgumentException e) {
        LOG.log(
            Level.WARNING,
            "Auto-reply rule {0} is left out: {1}",
            new Object[] {rule.id(), e.getMessage()});
        return Optional.empty();
      }
    }

    boolean matches(List<String> words, String plain, long budget) {
      return switch (rule.matchType()) {
        case EXACT -> keywordWords.contains(words);
        case CONTAINS -> keywordWords.stream().anyMatch(keyword -> containsWords(words, keyword));
        case REGEX -> regex.stream().anyMatch(pattern -> finds(pattern, plain, budget));
      };
    }

    private boolean finds(Pattern pattern, String plain, long budget) {
      try {
        return pattern.matcher(new GuardedText(plain, budget)).find();
      } catch (GuardedText.TooSlow e) {
        LOG.log(
            Level.WARNING,
            "Auto-reply rule {0}: keyword {1} gave up on a message of {2} characters (too much"
                + " backtracking); counted as no match",
            new Object[] {rule.id(), pattern.pattern(), plain.length()});
        return false;
      }
    }
  }

  private static boolean containsWords(List<String> words, List<String> keyword) {
    for (int start = 0; start + keyword.size() <= words.size(); start++) {
      boolean all = true;
      for (int k = 0; k < keyword.size() && all; k++) {
        all = sameWord(words.get(start + k), keyword.get(k));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameWord(String written, String keyword) {
    if (written.equals(keyword)) {
      return true;
    }
    if (!NormalisedText.isArabic(keyword)) {
      return false;
    }
    String bare =
        keyword.startsWith(ARTICLE) && keyword.length() > ARTICLE.length() + 1
            ? keyword.substring(ARTICLE.length())
            : keyword;
    if (written.equals(bare)) {
      return true;
    }
    for (String prefix : ARABIC_PREFIXES) {
      if (written.startsWith(prefix)) {
        String rest = written.substring(prefix.length());
        if (rest.equals(keyword) || rest.equals(bare)) {
          return true;
        }
      }
    }
    return false;
  }
}
