-- ispchat schema 1: durable intake, chats, outbox, delivery receipts, console accounts.
-- ${timestamp} and ${text} are filled per database by SchemaMigration (H2, PostgreSQL, MariaDB).

CREATE SEQUENCE inbound_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE chat_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE outbound_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE receipt_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE console_account_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE inbound_message (
  id                  BIGINT        NOT NULL PRIMARY KEY,
  channel             VARCHAR(16)   NOT NULL,
  provider_message_id VARCHAR(200)  NOT NULL,
  sender              VARCHAR(160)  NOT NULL,
  sender_name         VARCHAR(200),
  business_number     VARCHAR(64)   NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  body                ${text},
  choice_id           VARCHAR(256),
  sent_at             ${timestamp}  NOT NULL,
  received_at         ${timestamp}  NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  attempts            INTEGER       NOT NULL,
  next_attempt_at     ${timestamp}  NOT NULL,
  processed_at        ${timestamp},
  last_error          VARCHAR(500),
  -- Provider id first: H2 turns "provider_message_id IN (...)" into index look-ups only on an
  -- index's first column, and the intake asks exactly that for every batch.
  CONSTRAINT uq_inbound_provider_id UNIQUE (provider_message_id, channel)
);
-- The per-chat worker asks for a chat's oldest waiting message; the sweep for due ones.
CREATE INDEX ix_inbound_chat_pending ON inbound_message (channel, sender, status, sent_at);
CREATE INDEX ix_inbound_due ON inbound_message (status, next_attempt_at);

CREATE TABLE chat (
  id               BIGINT        NOT NULL PRIMARY KEY,
  channel          VARCHAR(16)   NOT NULL,
  sender           VARCHAR(160)  NOT NULL,
  sender_name      VARCHAR(200),
  business_number  VARCHAR(64),
  language         VARCHAR(8),
  step             VARCHAR(64),
  pending_data     ${text},
  last_inbound_at  ${timestamp},
  last_activity_at ${timestamp}  NOT NULL,
  outbound_seq     BIGINT        NOT NULL,
  created_at       ${timestamp}  NOT NULL,
  version          BIGINT        NOT NULL,
  CONSTRAINT uq_chat_person UNIQUE (channel, sender)
);

CREATE TABLE outbound_message (
  id                  BIGINT        NOT NULL PRIMARY KEY,
  chat_id             BIGINT        NOT NULL,
  sequence            BIGINT        NOT NULL,
  channel             VARCHAR(16)   NOT NULL,
  business_number     VARCHAR(64)   NOT NULL,
  recipient           VARCHAR(160)  NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  in_reply_to         VARCHAR(200),
  payload             ${text}       NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  attempts            INTEGER       NOT NULL,
  next_attempt_at     ${timestamp}  NOT NULL,
  lease_until         ${timestamp},
  provider_message_id VARCHAR(200),
  error_code          VARCHAR(32),
  error_detail        VARCHAR(500),
  created_at          ${timestamp}  NOT NULL,
  sent_at             ${timestamp},
  delivered_at        ${timestamp},
  read_at             ${timestamp},
  failed_at           ${timestamp},
  updated_at          ${timestamp}  NOT NULL,
  version             BIGINT        NOT NULL,
  CONSTRAINT fk_outbound_chat FOREIGN KEY (chat_id) REFERENCES chat (id),
  CONSTRAINT uq_outbound_chat_sequence UNIQUE (chat_id, sequence)
);
-- Claims: due rows (queued, or sending with an expired lease, kept in next_attempt_at) ...
CREATE INDEX ix_outbound_due ON outbound_message (status, next_attempt_at);
-- ... that have no earlier reply to the same person still open.
CREATE INDEX ix_outbound_chat_open ON outbound_message (chat_id, status, sequence);
CREATE INDEX ix_outbound_provider_id ON outbound_message (provider_message_id);
CREATE INDEX ix_outbound_recipient ON outbound_message (channel, recipient);

-- A queue, not a log: a receipt lives until it has been applied to its outbound message (whose
-- sent/delivered/read/failed times are the record) or given up. Applying is idempotent and only
-- moves a message forward, so a re-delivered receipt needs no unique key to be harmless.
CREATE TABLE delivery_receipt (
  id                  BIGINT        NOT NULL PRIMARY KEY,
  channel             VARCHAR(16)   NOT NULL,
  provider_message_id VARCHAR(200)  NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  reported_at         ${timestamp}  NOT NULL,
  correlation         VARCHAR(64),
  error_code          VARCHAR(32),
  error_detail        VARCHAR(500),
  received_at         ${timestamp}  NOT NULL,
  next_check_at       ${timestamp}  NOT NULL,
  checks              INTEGER       NOT NULL
);
CREATE INDEX ix_receipt_due ON delivery_receipt (next_check_at);

CREATE TABLE console_account (
  id            BIGINT        NOT NULL PRIMARY KEY,
  username      VARCHAR(100)  NOT NULL,
  password_hash VARCHAR(200)  NOT NULL,
  role          VARCHAR(16)   NOT NULL,
  created_at    ${timestamp}  NOT NULL,
  CONSTRAINT uq_console_username UNIQUE (username)
);
