-- ispchat schema 6: the billing notification API. WhatsApp senders besides the configured default
-- (messaging_instance), API keys (stored as hashes), every notification accepted (notification),
-- customers who wrote STOP (opt_out) and the per instance and language wording and template of
-- each notice type (notice_template). One statement set for H2, PostgreSQL and MariaDB.

CREATE SEQUENCE messaging_instance_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE api_key_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE opt_out_seq START WITH 1 INCREMENT BY 20;
CREATE SEQUENCE notice_template_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE messaging_instance (
  id                BIGINT        NOT NULL PRIMARY KEY,
  instance_id       VARCHAR(64)   NOT NULL,
  name              VARCHAR(200)  NOT NULL,
  channel           VARCHAR(16)   NOT NULL,
  business_number   VARCHAR(128)  NOT NULL,
  api_url           VARCHAR(500),
  credential        VARCHAR(1000),
  webhook_secret    VARCHAR(200),
  waba_id           VARCHAR(64),
  time_zone         VARCHAR(64)   NOT NULL,
  send_window       VARCHAR(16)   NOT NULL,
  language          VARCHAR(8)    NOT NULL,
  connection_state  VARCHAR(16)   NOT NULL,
  state_changed_at  ${timestamp},
  created_at        ${timestamp}  NOT NULL,
  updated_at        ${timestamp}  NOT NULL,
  version           BIGINT        NOT NULL,
  CONSTRAINT uq_messaging_instance_id UNIQUE (instance_id),
  CONSTRAINT uq_messaging_instance_number UNIQUE (channel, business_number)
);

CREATE TABLE api_key (
  id            BIGINT        NOT NULL PRIMARY KEY,
  name          VARCHAR(200)  NOT NULL,
  lookup        VARCHAR(32)   NOT NULL,
  key_hash      VARCHAR(64)   NOT NULL,
  permissions   VARCHAR(100)  NOT NULL,
  instance_ids  VARCHAR(2000),
  created_by    VARCHAR(200),
  created_at    ${timestamp}  NOT NULL,
  revoked_at    ${timestamp},
  last_used_at  ${timestamp},
  version       BIGINT        NOT NULL,
  CONSTRAINT uq_api_key_lookup UNIQUE (lookup)
);

CREATE TABLE notification (
  id              BIGINT         NOT NULL PRIMARY KEY,
  message_id      VARCHAR(36)    NOT NULL,
  dedupe_key      VARCHAR(64),
  instance_id     VARCHAR(64)    NOT NULL,
  api_key_id      BIGINT,
  phone           VARCHAR(32)    NOT NULL,
  customer_name   VARCHAR(200)   NOT NULL,
  amount          DECIMAL(19,4)  NOT NULL,
  currency        VARCHAR(3)     NOT NULL,
  invoice_id      VARCHAR(200)   NOT NULL,
  due_date        VARCHAR(10),
  message_type    VARCHAR(32)    NOT NULL,
  language        VARCHAR(8)     NOT NULL,
  form            VARCHAR(16)    NOT NULL,
  status          VARCHAR(32)    NOT NULL,
  outbound_id     BIGINT,
  send_after      ${timestamp}   NOT NULL,
  created_at      ${timestamp}   NOT NULL,
  updated_at      ${timestamp}   NOT NULL,
  CONSTRAINT uq_notification_message_id UNIQUE (message_id),
  CONSTRAINT uq_notification_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_notification_outbound ON notification (outbound_id);
CREATE INDEX ix_notification_invoice ON notification (instance_id, invoice_id);
CREATE INDEX ix_notification_created ON notification (created_at);

CREATE TABLE opt_out (
  id             BIGINT        NOT NULL PRIMARY KEY,
  phone          VARCHAR(32)   NOT NULL,
  opted_out_at   ${timestamp}  NOT NULL,
  how            VARCHAR(200)  NOT NULL,
  CONSTRAINT uq_opt_out_phone UNIQUE (phone)
);

CREATE TABLE notice_template (
  id                  BIGINT        NOT NULL PRIMARY KEY,
  instance_id         VARCHAR(64)   NOT NULL,
  message_type        VARCHAR(32)   NOT NULL,
  language            VARCHAR(8)    NOT NULL,
  body                ${text},
  template_name       VARCHAR(512),
  template_language   VARCHAR(16),
  parameters          VARCHAR(500),
  parameter_count     INTEGER,
  approval_status     VARCHAR(32),
  approval_checked_at ${timestamp},
  updated_at          ${timestamp}  NOT NULL,
  version             BIGINT        NOT NULL,
  CONSTRAINT uq_notice_template UNIQUE (instance_id, message_type, language)
);
