-- Honest mailing delivery (issue 17): the sender pauses a mailing itself when Telegram is unreachable, with the reason;
-- a test copy that could not reach Telegram ends NOT_SENT.
ALTER TABLE mailing ADD COLUMN pause_reason TEXT CHECK (pause_reason IN ('TELEGRAM_UNREACHABLE'));
ALTER TABLE mailing ADD COLUMN pause_detail TEXT;
ALTER TABLE mailing ADD COLUMN paused_at TIMESTAMPTZ;
-- When the sender saw Telegram answer again after this mailing was paused for being unreachable.
ALTER TABLE mailing ADD COLUMN telegram_back_at TIMESTAMPTZ;
-- The test copy's origin, so a mailing lists its test sends.
ALTER TABLE mailing ADD COLUMN test_of BIGINT REFERENCES mailing (id) ON DELETE CASCADE;
CREATE INDEX mailing_test_of_idx ON mailing (test_of) WHERE test_of IS NOT NULL;

ALTER TABLE mailing_recipient DROP CONSTRAINT mailing_recipient_status_check;
ALTER TABLE mailing_recipient ADD CONSTRAINT mailing_recipient_status_check CHECK (status IN ('PENDING', 'SENDING',
    'DELIVERED', 'BLOCKED', 'FAILED', 'UNKNOWN', 'CANCELLED', 'NOT_SENT'));
