-- ispchat schema 7: chats found by number alone. A billing run looks up the chats of many numbers
-- at once (sender IN (...)); H2 turns IN into index look-ups only on an index's first column, and
-- the unique key starts with the channel.
CREATE INDEX ix_chat_sender ON chat (sender);
