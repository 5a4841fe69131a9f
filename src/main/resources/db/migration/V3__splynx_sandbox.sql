-- ispchat schema 3: the Splynx sandbox (splynx.SandboxAccounts), a small billing system with demo
-- data that stands in for Splynx when splynx.url is unset. Nothing else reads these tables; a live
-- installation keeps them, unused. Demo customers, plans, subscriptions and refill cards are
-- inserted here (see README, "Try it without Splynx"); a refill card can be redeemed once per
-- database. One statement set for H2, PostgreSQL and MariaDB.

CREATE SEQUENCE sandbox_subscription_seq START WITH 1000 INCREMENT BY 1;
CREATE SEQUENCE sandbox_payment_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE sandbox_ticket_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE sandbox_ticket_message_seq START WITH 1 INCREMENT BY 1;

-- An internet tariff. cap_bytes: the monthly fair-use allowance, NULL for unlimited. changes_to
-- and billing_types are comma-separated, as Splynx's tariffs_for_change and billing_types.
CREATE TABLE sandbox_plan (
  id             VARCHAR(16)    NOT NULL PRIMARY KEY,
  name           VARCHAR(100)   NOT NULL,
  download_kbps  BIGINT         NOT NULL,
  upload_kbps    BIGINT         NOT NULL,
  price          DECIMAL(12,4)  NOT NULL,
  cap_bytes      BIGINT,
  billing_types  VARCHAR(100)   NOT NULL,
  changes_to     VARCHAR(200)   NOT NULL
);

-- A customer with the billing state (deposit) and the line's current session on the row.
CREATE TABLE sandbox_customer (
  id               VARCHAR(16)    NOT NULL PRIMARY KEY,
  login            VARCHAR(64)    NOT NULL,
  name             VARCHAR(200)   NOT NULL,
  phone            VARCHAR(200),
  status           VARCHAR(16)    NOT NULL,
  billing          VARCHAR(16)    NOT NULL,
  partner_id       VARCHAR(16)    NOT NULL,
  portal_password  VARCHAR(100)   NOT NULL,
  deposit          DECIMAL(12,4)  NOT NULL,
  online           BOOLEAN        DEFAULT FALSE NOT NULL,
  online_since     ${timestamp},
  ip_address       VARCHAR(64),
  session_down_bytes BIGINT       DEFAULT 0 NOT NULL,
  session_up_bytes BIGINT         DEFAULT 0 NOT NULL,
  CONSTRAINT uq_sandbox_customer_login UNIQUE (login)
);

-- An internet service: current while active, started and not ended; one that starts in the future
-- is what Splynx calls pending (made by a plan change). reference: the request that made it.
CREATE TABLE sandbox_subscription (
  id           BIGINT         NOT NULL PRIMARY KEY,
  customer_id  VARCHAR(16)    NOT NULL,
  plan_id      VARCHAR(16)    NOT NULL,
  price        DECIMAL(12,4)  NOT NULL,
  starts       DATE           NOT NULL,
  ends         DATE,
  status       VARCHAR(16)    NOT NULL,
  login        VARCHAR(64),
  used_bytes   BIGINT         DEFAULT 0 NOT NULL,
  reference    VARCHAR(64),
  CONSTRAINT fk_sandbox_subscription_customer FOREIGN KEY (customer_id) REFERENCES sandbox_customer (id),
  CONSTRAINT fk_sandbox_subscription_plan FOREIGN KEY (plan_id) REFERENCES sandbox_plan (id)
);
CREATE INDEX ix_sandbox_subscription_customer ON sandbox_subscription (customer_id, starts);

CREATE TABLE sandbox_refill_card (
  id            BIGINT         NOT NULL PRIMARY KEY,
  code          VARCHAR(64)    NOT NULL,
  amount        DECIMAL(12,4)  NOT NULL,
  status        VARCHAR(16)    NOT NULL,
  valid_till    DATE,
  customer_id   VARCHAR(16),
  activated_at  ${timestamp},
  CONSTRAINT uq_sandbox_refill_card_code UNIQUE (code)
);

-- A payment on the account; here only the refill cards redeemed through the sandbox.
CREATE TABLE sandbox_payment (
  id           BIGINT         NOT NULL PRIMARY KEY,
  customer_id  VARCHAR(16)    NOT NULL,
  amount       DECIMAL(12,4)  NOT NULL,
  paid_at      ${timestamp}   NOT NULL,
  comment      VARCHAR(200),
  reference    VARCHAR(64),
  CONSTRAINT fk_sandbox_payment_customer FOREIGN KEY (customer_id) REFERENCES sandbox_customer (id)
);

CREATE TABLE sandbox_ticket (
  id           BIGINT         NOT NULL PRIMARY KEY,
  customer_id  VARCHAR(16)    NOT NULL,
  subject      VARCHAR(300)   NOT NULL,
  reference    VARCHAR(64),
  closed       BOOLEAN        DEFAULT FALSE NOT NULL,
  created_at   ${timestamp}   NOT NULL,
  CONSTRAINT fk_sandbox_ticket_customer FOREIGN KEY (customer_id) REFERENCES sandbox_customer (id)
);
CREATE INDEX ix_sandbox_ticket_reference ON sandbox_ticket (customer_id, reference);

-- author: CUSTOMER or AGENT. reference: the customer's request that added it (never in the text).
CREATE TABLE sandbox_ticket_message (
  id           BIGINT         NOT NULL PRIMARY KEY,
  ticket_id    BIGINT         NOT NULL,
  author       VARCHAR(16)    NOT NULL,
  message      ${text}        NOT NULL,
  reference    VARCHAR(64),
  written_at   ${timestamp}   NOT NULL,
  CONSTRAINT fk_sandbox_ticket_message_ticket FOREIGN KEY (ticket_id) REFERENCES sandbox_ticket (id)
);
CREATE INDEX ix_sandbox_ticket_message_ticket ON sandbox_ticket_message (ticket_id, id);

-- Demo plans (LYD). 100 GiB and 250 GiB fair-use allowances; INFINITY and ULTRA are unlimited.
INSERT INTO sandbox_plan (id, name, download_kbps, upload_kbps, price, cap_bytes, billing_types, changes_to)
  VALUES ('1', 'BAYTTE 4 Mbps', 4096, 1024, 50.00, 107374182400, 'recurring,prepaid,prepaid_monthly', '2,3');
INSERT INTO sandbox_plan (id, name, download_kbps, upload_kbps, price, cap_bytes, billing_types, changes_to)
  VALUES ('2', 'MAX 10 Mbps', 10240, 2048, 120.00, 268435456000, 'recurring,prepaid,prepaid_monthly', '1,3');
INSERT INTO sandbox_plan (id, name, download_kbps, upload_kbps, price, cap_bytes, billing_types, changes_to)
  VALUES ('3', 'INFINITY 12 Mbps', 12288, 3072, 180.00, NULL, 'recurring,prepaid_monthly', '1,2,4');
INSERT INTO sandbox_plan (id, name, download_kbps, upload_kbps, price, cap_bytes, billing_types, changes_to)
  VALUES ('4', 'ULTRA 20 Mbps', 20480, 5120, 250.00, NULL, 'recurring', '3');

-- Demo customers; every portal password is demo1234.
INSERT INTO sandbox_customer (id, login, name, phone, status, billing, partner_id, portal_password, deposit,
    online, online_since, ip_address, session_down_bytes, session_up_bytes)
  VALUES ('1001', 'demo-1', 'Ahmed Ali Elmabrouk', '0912345678', 'ACTIVE', 'PREPAID_MONTHLY', '1', 'demo1234', 47.50,
    TRUE, CURRENT_TIMESTAMP, '10.20.30.41', 1836597248, 214958080);
INSERT INTO sandbox_customer (id, login, name, phone, status, billing, partner_id, portal_password, deposit, online)
  VALUES ('1002', 'demo-2', 'Fatima Salem Bensaud', '218925556677, 0931112233', 'ACTIVE', 'RECURRING', '1', 'demo1234', 0.00,
    FALSE);
INSERT INTO sandbox_customer (id, login, name, phone, status, billing, partner_id, portal_password, deposit,
    online, online_since, ip_address, session_down_bytes, session_up_bytes)
  VALUES ('1003', 'demo-3a', 'Omar Khalifa Abushagur', '0944445555', 'ACTIVE', 'RECURRING', '1', 'demo1234', 120.00,
    TRUE, CURRENT_TIMESTAMP, '10.20.31.7', 524288000, 73400320);
INSERT INTO sandbox_customer (id, login, name, phone, status, billing, partner_id, portal_password, deposit, online)
  VALUES ('1004', 'demo-3b', 'Abushagur Trading Co.', '+218 94-444-5555 / 021 333 4444', 'ACTIVE', 'RECURRING', '1', 'demo1234', 35.00,
    FALSE);
INSERT INTO sandbox_customer (id, login, name, phone, status, billing, partner_id, portal_password, deposit, online)
  VALUES ('1005', 'demo-4', 'Khaled Masoud Zway', '+218 95 111 2222', 'BLOCKED', 'RECURRING', '1', 'demo1234', -50.00,
    FALSE);

INSERT INTO sandbox_subscription (id, customer_id, plan_id, price, starts, ends, status, login, used_bytes)
  VALUES (1, '1001', '1', 50.00, DATE '2026-03-01', NULL, 'ACTIVE', 'ahmed.elmabrouk', 67645734912);
INSERT INTO sandbox_subscription (id, customer_id, plan_id, price, starts, ends, status, login, used_bytes)
  VALUES (2, '1002', '3', 180.00, DATE '2025-09-15', NULL, 'ACTIVE', 'fatima.bensaud', 193273528320);
INSERT INTO sandbox_subscription (id, customer_id, plan_id, price, starts, ends, status, login, used_bytes)
  VALUES (3, '1003', '2', 120.00, DATE '2026-01-10', NULL, 'ACTIVE', 'omar.abushagur', 32212254720);
INSERT INTO sandbox_subscription (id, customer_id, plan_id, price, starts, ends, status, login, used_bytes)
  VALUES (4, '1004', '4', 225.00, DATE '2025-11-01', NULL, 'ACTIVE', 'abushagur.trading', 429496729600);
INSERT INTO sandbox_subscription (id, customer_id, plan_id, price, starts, ends, status, login, used_bytes)
  VALUES (5, '1005', '1', 50.00, DATE '2026-02-20', NULL, 'ACTIVE', 'khaled.zway', 12884901888);

-- Refill cards: four active, one used, one expired, one disabled.
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till) VALUES (1, '1234567890', 10.00, 'ACTIVE', NULL);
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till) VALUES (2, '5555666677', 20.00, 'ACTIVE', NULL);
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till)
  VALUES (3, '202611-lyd-Q7f3Kx9P', 50.00, 'ACTIVE', DATE '2027-12-31');
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till)
  VALUES (4, '202611-lyd-M4xT9wQe', 120.00, 'ACTIVE', DATE '2027-12-31');
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till, customer_id, activated_at)
  VALUES (5, '1111222233', 10.00, 'USED', NULL, '1002', CURRENT_TIMESTAMP);
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till)
  VALUES (6, '202601-lyd-Ex9Pir3D', 20.00, 'EXPIRED', DATE '2026-06-30');
INSERT INTO sandbox_refill_card (id, code, amount, status, valid_till)
  VALUES (7, '202611-lyd-Dx0Ab1Cd', 50.00, 'DISABLED', DATE '2027-12-31');
