-- Ad engine extras: reports of campaigns by anyone, an optional automatic (LLM) flag, and the
-- moderators' stop of a campaign. A stopped campaign stays in the API (marked "stopped") but is
-- never served until it is resumed.
ALTER TABLE ad_campaign
    ADD COLUMN stopped    BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN stopped_at TIMESTAMPTZ,
    ADD COLUMN stopped_by TEXT;

CREATE TABLE ad_report (
    report_id   UUID        PRIMARY KEY,
    campaign_id UUID        NOT NULL REFERENCES ad_campaign (campaign_id),
    client_id   UUID,                          -- the reporting viewer, when given
    reporter    TEXT,                          -- free-text reporter (name or contact), when given
    reason      TEXT        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
    state       TEXT        NOT NULL DEFAULT 'SENT'
                CHECK (state IN ('SENT', 'UNDER_REVIEW', 'ACTION_TAKEN', 'SKIPPED')),
    llm_status  TEXT        NOT NULL CHECK (llm_status IN ('PENDING', 'DONE', 'FAILED', 'OFF')),
    llm_flag    BOOLEAN,                       -- the model says the ad violates the rules (DONE only)
    llm_verdict TEXT,                          -- the model's answer (DONE) or why the check failed (FAILED)
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    handled_by  TEXT                           -- who last changed the state (admin username)
);
CREATE INDEX ad_report_created ON ad_report (created_at DESC, report_id);
CREATE INDEX ad_report_state ON ad_report (state, created_at DESC);
CREATE INDEX ad_report_campaign ON ad_report (campaign_id);
