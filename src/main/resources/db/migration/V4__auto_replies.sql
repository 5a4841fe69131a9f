-- ispchat schema 4: keyword auto-replies (autoreply.AutoReplyRule), edited in the console.
-- keywords holds one keyword per line. The lower priority number wins; language NULL means any.
-- One statement set for H2, PostgreSQL and MariaDB; ${timestamp} and ${text} as in V1.

-- Hand-written rules below take ids under 100; new ones come from the sequence.
CREATE SEQUENCE auto_reply_rule_seq START WITH 100 INCREMENT BY 1;

CREATE TABLE auto_reply_rule (
  id          BIGINT        NOT NULL PRIMARY KEY,
  keywords    ${text}       NOT NULL,
  match_type  VARCHAR(16)   NOT NULL,
  language    VARCHAR(8),
  priority    INTEGER       NOT NULL,
  reply       ${text}       NOT NULL,
  enabled     BOOLEAN       NOT NULL,
  created_at  ${timestamp}  NOT NULL,
  updated_at  ${timestamp}  NOT NULL,
  version     BIGINT        NOT NULL
);

-- The contract's support texts. A slow line is the more specific complaint, so it is tried before
-- the general request for contact. Arabic keywords match with or without harakat, hamza on alef,
-- ة/ه and ى/ي, and behind attached و ف ب ل ال (so دعم also catches الدعم, بالدعم, للدعم).
-- اتصال is left out of the contact rule: it also means the line's connection, and
-- "مشكلة في الاتصال" is a line problem.
INSERT INTO auto_reply_rule
  (id, keywords, match_type, language, priority, reply, enabled, created_at, updated_at, version)
VALUES
  (1, 'slow
internet problem
no internet
internet not working', 'CONTAINS', 'en', 10,
   'Try restarting your router. If issue persists, reply "test" for a speed check.',
   TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
  (2, 'support
contact
customer service', 'CONTAINS', 'en', 20,
   'Please call {support_phone} or reply "agent" to speak with a representative.',
   TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
  (3, 'بطيء
بطيئ
بطيئة
بطء
بطئ
مشكلة في الانترنت
مشكلة في النت
مشكلة في الاتصال
النت ضعيف
الانترنت ضعيف
النت ثقيل
النت مقطوع
مافيش نت
ما فيش نت', 'CONTAINS', 'ar', 10,
   'جرّب إطفاء الراوتر وتشغيله من جديد. إذا استمرت المشكلة، أرسل كلمة "فحص" لنفحص لك الخط.',
   TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
  (4, 'دعم
تواصل
نتواصل
اتواصل
خدمة العملاء', 'CONTAINS', 'ar', 20,
   'للتواصل مع الدعم الفني اتصل على الرقم {support_phone}، أو أرسل كلمة "موظف" للتحدث مع أحد ممثلي خدمة العملاء.',
   TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);
