-- Per-user state of the bot's advertiser chat (module bot). Survives restarts.
CREATE TABLE bot_chat (
    user_id        BIGINT      PRIMARY KEY,             -- Telegram user id (= private chat id)
    advertiser_id  UUID        REFERENCES ad_advertiser (advertiser_id) ON DELETE SET NULL,  -- signed-in advertiser
    step           TEXT,                                -- conversation step waiting for input; null = none
    draft          TEXT,                                -- JSON of the answers collected so far
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Update ids already handled: Telegram may deliver an update again (after a restart before the offset was confirmed,
-- or a webhook retry); a second delivery is skipped. Rows older than a day are pruned.
CREATE TABLE bot_update (
    update_id    BIGINT      PRIMARY KEY,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bot_update_received_idx ON bot_update (received_at);
