-- The evidence behind a channel's TGStat labels, and values the parsers did not write.

-- Every marker last seen on a channel per source: the header icon and its tooltip (page) or a tgstat_restrictions flag
-- (API). Replaced on each successful fetch that could look at the markers; first_seen_at survives while it stays.
CREATE TABLE parser_label_marker (
    channel_id    BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    source        TEXT        NOT NULL,              -- TGSTAT_HTML, TGSTAT_API
    element       TEXT        NOT NULL,              -- img[src=...], api:tgstat_restrictions.red_label
    marker_text   TEXT        NOT NULL,              -- the tooltip as shown
    kind          TEXT        NOT NULL,              -- RED, BLACK (hide the channel), INFO, UNKNOWN (hide nothing)
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel_id, source, element, marker_text)
);

-- Values not written: REFUSED (the text reads as more than one number, or as no date) and HELD (an implausible jump,
-- waiting for an admin to confirm or reject it). At most one open row per channel, source, field and kind.
CREATE TABLE parser_value_review (
    id            BIGSERIAL   PRIMARY KEY,
    channel_id    BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    source        TEXT        NOT NULL,
    field         TEXT        NOT NULL,              -- subscribers, errPct, genderMalePct, ...
    kind          TEXT        NOT NULL,              -- REFUSED, HELD
    raw_text      TEXT,                              -- the page's text (REFUSED)
    proposed      NUMERIC,                           -- the value held back (HELD)
    current_value NUMERIC,                           -- the channel's value when it was held
    reason        TEXT        NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    state         TEXT        NOT NULL DEFAULT 'OPEN', -- OPEN, CONFIRMED, REJECTED, SUPERSEDED
    decided_at    TIMESTAMPTZ,
    decided_by    TEXT
);
CREATE UNIQUE INDEX parser_value_review_open_idx ON parser_value_review (channel_id, source, field, kind)
    WHERE state = 'OPEN';
CREATE INDEX parser_value_review_channel_idx ON parser_value_review (channel_id, detected_at DESC);
