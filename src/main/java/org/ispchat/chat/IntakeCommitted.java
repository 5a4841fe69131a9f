package org.ispchat.chat;

import java.util.Set;

/**
 * Fired after a batch of incoming messages and receipts is committed: the chats that have new
 * messages, and whether receipts arrived. Observers start the asynchronous work.
 */
public record IntakeCommitted(Set<ChatKey> chats, boolean receipts) {}
