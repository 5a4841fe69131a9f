/**
 * Keyword auto-replies: the {@link org.ispchat.autoreply.AutoReplyRule} an admin edits in the
 * console, the pure {@link org.ispchat.autoreply.AutoReplyMatcher} that picks one for a customer's
 * text, and the {@link org.ispchat.autoreply.AutoReplies} service the dialog asks.
 *
 * <p>May import {@code chat} and {@code platform}; never the dialog, the console or a channel. It
 * chooses a reply text, it never sends one.
 */
package org.ispchat.autoreply;
