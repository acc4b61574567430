-- Asynchronous LLM ad-text generation: one row per request, so any node can answer its status.
CREATE TABLE ad_text_task (
    task_id        UUID        PRIMARY KEY,
    advertiser_id  UUID        NOT NULL REFERENCES ad_advertiser (advertiser_id),
    campaign_id    UUID,                  -- set when the title was taken from a campaign
    campaign_title TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    text           TEXT,                  -- the generated ad text (DONE)
    reason         TEXT,                  -- why it failed (FAILED)
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ
);
CREATE INDEX ad_text_task_advertiser ON ad_text_task (advertiser_id, created_at);
