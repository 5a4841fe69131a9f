package org.ispchat.autoreply;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One keyword rule: when a customer writes one of its keywords, the bot answers with its reply.
 *
 * <p>The keywords are kept in one text column, one per line: a line break is the one character no
 * keyword needs (whitespace inside a keyword counts as one space), while commas occur in regular
 * expressions ({@code \d{1,3}}) and in ordinary phrases. The console can show the column as it is,
 * one keyword a line.
 *
 * <p>The lower {@link #priority} number wins when several rules match, as in "priority 1"; equal
 * priorities go to the older rule (lower id).
 */
@Entity
@Table(name = "auto_reply_rule")
public class AutoReplyRule {

  /** WhatsApp's limit for a text message body. */
  public static final int MAX_REPLY_LENGTH = 4096;

  /** Keeps a single keyword, above all a regular expression, small enough to reason about. */
  public static final int MAX_KEYWORD_LENGTH = 500;

  public static final Set<String> LANGUAGES = Set.of("en", "ar");

  private static final String KEYWORD_SEPARATOR = "\n";
  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)\\}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auto_reply_rule_seq")
  @SequenceGenerator(
      name = "auto_reply_rule_seq",
      sequenceName = "auto_reply_rule_seq",
      allocationSize = 1)
  private Long id;

  /** One keyword per line. */
  @Column(nullable = false)
  private String keywords;

  @Enumerated(EnumType.STRING)
  @Column(name = "match_type", nullable = false, length = 16)
  private MatchType matchType;

  /** {@code en}, {@code ar}, or null: any language. */
  @Column(length = 8)
  private String language;

  @Column(nullable = false)
  private int priority;

  @Column(nullable = false)
  private String reply;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected AutoReplyRule() {}

  /** A new rule, enabled. Refuses content that breaks a rule (see {@link #change}). */
  public AutoReplyRule(RuleContent content, Instant now) {
    apply(content);
    this.enabled = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Replaces keywords, match type, language, priority and reply at once, or changes nothing.
   *
   * @throws IllegalArgumentException with a message for the admin: no keyword, a keyword with no
   *     letters or digits, a regular expression that does not compile or matches every message, an
   *     unknown language, a negative priority, a blank reply or one longer than WhatsApp allows
   */
  public void change(RuleContent content, Instant now) {
    apply(content);
    this.updatedAt = now;
  }

  public void enable(Instant now) {
    if (!enabled) {
      enabled = true;
      updatedAt = now;
    }
  }

  public void disable(Instant now) {
    if (enabled) {
      enabled = false;
      updatedAt = now;
    }
  }

  /**
   * The reply with each {@code {name}} placeholder that {@code values} knows replaced by its value;
   * unknown placeholders stay as written, so a missing setting shows instead of vanishing.
   */
  public String replyWith(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(reply);
    StringBuilder out = new StringBuilder(reply.length());
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private void apply(RuleContent content) {
    if (content == null) {
      throw new IllegalArgumentException("a rule needs keywords, a match type and a reply");
    }
    if (content.matchType() == null) {
      throw new IllegalArgumentException("a rule needs a match type: EXACT, CONTAINS or REGEX");
    }
    List<String> checked = checkedKeywords(content.keywords(), content.matchType());
    String checkedLanguage = checkedLanguage(content.language());
    if (content.priority() < 0) {
      throw new IllegalArgumentException(
          "priority must be 0 or more (lower wins), not " + content.priority());
    }
    String checkedReply = checkedReply(content.reply());
    this.keywords = String.join(KEYWORD_SEPARATOR, checked);
    this.matchType = content.matchType();
    this.language = checkedLanguage;
    this.priority = content.priority();
    this.reply = checkedReply;
  }

  private static List<String> checkedKeywords(List<String> given, MatchType type) {
    Set<String> keywords = new LinkedHashSet<>();
    for (String raw : given == null ? List.<String>of() : given) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String keyword = raw.strip();
      if (keyword.length() > MAX_KEYWORD_LENGTH) {
        throw new IllegalArgumentException(
            "a keyword may have at most " + MAX_KEYWORD_LENGTH + " characters");
      }
      if (type == MatchType.REGEX) {
        if (keyword.contains("\n") || keyword.contains("\r")) {
          throw new IllegalArgumentException(
              "keyword \"" + keyword + "\" spans lines; write one regular expression per keyword");
        }
        AutoReplyMatcher.compile(keyword);
      } else {
        keyword = WHITESPACE.matcher(keyword).replaceAll(" ");
        if (NormalisedText.words(keyword).isEmpty()) {
          throw new IllegalArgumentException(
              "keyword \"" + keyword + "\" has no letters or digits to match");
        }
      }
      keywords.add(keyword);
    }
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one keyword");
    }
    return new ArrayList<>(keywords);
  }

  private static String checkedLanguage(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    String code = language.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(code)) {
      throw new IllegalArgumentException(
          "language must be en, ar or empty (any language), not \"" + language + "\"");
    }
    return code;
  }

  private static String checkedReply(String reply) {
    if (reply == null || reply.isBlank()) {
      throw new IllegalArgumentException("the reply must not be blank");
    }
    String text = reply.strip();
    int length = text.codePointCount(0, text.length());
    if (length > MAX_REPLY_LENGTH) {
      throw new IllegalArgumentException(
          "the reply has " + length + " characters; WhatsApp allows at most " + MAX_REPLY_LENGTH);
    }
    return text;
  }

  public Long id() {
    return id;
  }

  public List<String> keywords() {
    // \r too: a row written from a file with Windows line ends keeps its keywords apart the same.
    return Arrays.stream(keywords.split("\\r?\\n"))
        .map(String::strip)
        .filter(k -> !k.isEmpty())
        .toList();
  }

  public MatchType matchType() {
    return matchType;
  }

  /** {@code en}, {@code ar}, or null when the rule answers in any language. */
  public String language() {
    return language;
  }

  public int priority() {
    return priority;
  }

  /** The reply as written, placeholders included; see {@link #replyWith}. */
  public String reply() {
    return reply;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** The rule as an admin would edit it. */
  public RuleContent content() {
    return new RuleContent(keywords(), matchType, language, priority, reply);
  }
}
