-- ispchat schema 2: retention (platform.Retention). Old messages first lose their words, later the
-- rows themselves go; the flag records the first step, so each purge finds its next rows with one
-- index range: (forgotten = FALSE, oldest first) to forget, (forgotten = TRUE, oldest first) to
-- delete. One statement set for H2, PostgreSQL and MariaDB (BOOLEAN is TINYINT(1) on MariaDB).

ALTER TABLE inbound_message ADD COLUMN forgotten BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE outbound_message ADD COLUMN forgotten BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX ix_inbound_retention ON inbound_message (forgotten, received_at);
CREATE INDEX ix_outbound_retention ON outbound_message (forgotten, created_at);
-- Chats nobody has written to for the retention period, once their messages are gone.
CREATE INDEX ix_chat_idle ON chat (last_activity_at);
