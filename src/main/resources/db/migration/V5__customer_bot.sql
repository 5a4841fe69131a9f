-- ispchat schema 5: the customer bot. Who a chat belongs to (customer_link), limits on guessing
-- (attempt_limit), every change made in the billing system, recorded before it is made
-- (account_change), and chats handed to a person (hand_off). One statement set for H2, PostgreSQL
-- and MariaDB.

CREATE SEQUENCE customer_link_seq START WITH 1 INCREMENT BY 20;
CREATE SEQUENCE attempt_limit_seq START WITH 1 INCREMENT BY 20;
CREATE SEQUENCE account_change_seq START WITH 1 INCREMENT BY 20;
CREATE SEQUENCE hand_off_seq START WITH 1 INCREMENT BY 20;

CREATE TABLE customer_link (
  id            BIGINT        NOT NULL PRIMARY KEY,
  channel       VARCHAR(16)   NOT NULL,
  sender        VARCHAR(160)  NOT NULL,
  account_id    VARCHAR(64)   NOT NULL,
  login         VARCHAR(200)  NOT NULL,
  name          VARCHAR(200)  NOT NULL,
  billing       VARCHAR(32)   NOT NULL,
  account_status VARCHAR(16)  NOT NULL,
  partner_id    VARCHAR(64),
  how           VARCHAR(16)   NOT NULL,
  linked_at     ${timestamp}  NOT NULL,
  confirmed_at  ${timestamp}  NOT NULL,
  version       BIGINT        NOT NULL,
  CONSTRAINT uq_customer_link UNIQUE (channel, sender)
);

CREATE TABLE attempt_limit (
  id            BIGINT        NOT NULL PRIMARY KEY,
  kind          VARCHAR(32)   NOT NULL,
  subject       VARCHAR(200)  NOT NULL,
  failures      INTEGER       NOT NULL,
  window_start  ${timestamp}  NOT NULL,
  locked_until  ${timestamp},
  version       BIGINT        NOT NULL,
  CONSTRAINT uq_attempt_limit UNIQUE (kind, subject)
);

CREATE TABLE account_change (
  id            BIGINT        NOT NULL PRIMARY KEY,
  reference     VARCHAR(100)  NOT NULL,
  kind          VARCHAR(32)   NOT NULL,
  account_id    VARCHAR(64)   NOT NULL,
  requested_by  VARCHAR(200)  NOT NULL,
  detail        VARCHAR(500)  NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  outcome       VARCHAR(500),
  attempts      INTEGER       NOT NULL,
  started_at    ${timestamp}  NOT NULL,
  finished_at   ${timestamp},
  CONSTRAINT uq_account_change_reference UNIQUE (reference)
);
CREATE INDEX ix_account_change_account ON account_change (account_id, started_at);

CREATE TABLE hand_off (
  id                     BIGINT        NOT NULL PRIMARY KEY,
  channel                VARCHAR(16)   NOT NULL,
  sender                 VARCHAR(160)  NOT NULL,
  account_id             VARCHAR(64)   NOT NULL,
  ticket_id              VARCHAR(64)   NOT NULL,
  last_agent_message_id  VARCHAR(64),
  status                 VARCHAR(16)   NOT NULL,
  opened_at              ${timestamp}  NOT NULL,
  last_activity_at       ${timestamp}  NOT NULL,
  checked_at             ${timestamp}  NOT NULL,
  ended_at               ${timestamp},
  end_reason             VARCHAR(32),
  version                BIGINT        NOT NULL
);
CREATE INDEX ix_hand_off_open ON hand_off (status, checked_at);
CREATE INDEX ix_hand_off_chat ON hand_off (channel, sender, status);
CREATE INDEX ix_hand_off_ticket ON hand_off (ticket_id, status);
