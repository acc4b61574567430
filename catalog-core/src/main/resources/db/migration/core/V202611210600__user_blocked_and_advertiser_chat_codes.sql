-- Bot additions to catalog-core tables (issue 7).

-- Set when the user blocked the bot (my_chat_member "kicked", or a 403 from Telegram); cleared when they unblock it.
ALTER TABLE telegram_user ADD COLUMN blocked_at TIMESTAMPTZ;

-- One-time codes that link a Telegram chat to an advertiser. Only a SHA-256 hash of the code is stored.
CREATE TABLE advertiser_chat_code (
    code_hash      TEXT        PRIMARY KEY,             -- hex SHA-256 of the code
    advertiser_id  UUID        NOT NULL REFERENCES ad_advertiser (advertiser_id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,                         -- set once, when the code is redeemed
    used_by        BIGINT                               -- Telegram user who redeemed it
);
CREATE INDEX advertiser_chat_code_expiry_idx ON advertiser_chat_code (expires_at);
