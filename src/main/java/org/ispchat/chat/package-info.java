/**
 * The channel-neutral message model: inbound messages and their durable intake, the chat
 * (conversation state), replies, the {@link org.ispchat.chat.Channel} port, and the per-chat
 * ordered processing of what came in.
 *
 * <p>Provider wire formats live only in the sub-packages (chat.whatsapp, ...); nothing here parses
 * provider JSON.
 */
package org.ispchat.chat;
