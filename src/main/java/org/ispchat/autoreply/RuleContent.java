package org.ispchat.autoreply;

import java.util.List;

/**
 * What an admin writes for an auto-reply rule; {@link AutoReplyRule} checks it.
 *
 * @param keywords one or more; for {@link MatchType#REGEX} each is a regular expression
 * @param language {@code en}, {@code ar}, or null for a rule that answers in any chat
 * @param priority the lower number wins when several rules match
 * @param reply the text sent, with {@code {name}} placeholders such as {@code {support_phone}}
 */
public record RuleContent(
    List<String> keywords, MatchType matchType, String language, int priority, String reply) {}
