/**
 * The channel-neutral message model: inbound messages and their durable intake, the chat
 * (conversation state), replies, the per-chat ordered turns, and the ports through which the rest
 * plugs in: {@link org.ispchat.chat.Channel} (a messaging network sends), {@link
 * org.ispchat.chat.Answerer} (a bot decides the replies), {@link org.ispchat.chat.ReplyQueue} (the
 * outbox takes them), {@link org.ispchat.chat.TemplateAccount} (where an instance's message
 * templates are approved).
 *
 * <p>Part of the core: imports only {@code platform} (the provider sub-packages also {@code chat});
 * never {@code outbox} or a feature. Provider wire formats live only in the sub-packages
 * (chat.whatsapp, ...); nothing here parses provider JSON.
 */
package org.ispchat.chat;
