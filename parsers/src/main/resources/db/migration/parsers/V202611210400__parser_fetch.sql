-- Parser bookkeeping, owned by the parsers module (io.chanmarket.parsers..). The parsed values themselves live on
-- catalog-core's channel and channel_metric_history, written through its ChannelMetrics API.

-- Every fetch attempt, successful or not: what the admins see when a channel's numbers are stale.
CREATE TABLE parser_fetch_attempt (
    id           BIGSERIAL PRIMARY KEY,
    channel_id   BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    source       TEXT        NOT NULL,              -- TGSTAT_HTML, TGSTAT_API, TELEMETR
    attempted_at TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL,              -- OK, NOT_FOUND, RESTRICTED, RATE_LIMITED, LAYOUT_CHANGED, NETWORK, REFUSED
    reason       TEXT,                              -- plain words; null for OK
    duration_ms  BIGINT      NOT NULL
);
CREATE INDEX parser_fetch_attempt_channel_idx ON parser_fetch_attempt (channel_id, attempted_at DESC);
CREATE INDEX parser_fetch_attempt_failed_idx ON parser_fetch_attempt (attempted_at DESC) WHERE status <> 'OK';

-- The latest state per channel and source.
CREATE TABLE parser_fetch_status (
    channel_id           BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    source               TEXT        NOT NULL,
    last_attempt_at      TIMESTAMPTZ NOT NULL,
    last_status          TEXT        NOT NULL,
    last_reason          TEXT,
    last_success_at      TIMESTAMPTZ,
    consecutive_failures INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, source)
);

-- Raw replies, so a channel is fetched at most once per cache period whichever node or trigger asks.
CREATE TABLE parser_response_cache (
    url          TEXT        PRIMARY KEY,
    status       INT         NOT NULL,
    charset      TEXT,
    body         BYTEA       NOT NULL,
    fetched_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX parser_response_cache_fetched_idx ON parser_response_cache (fetched_at);

-- On-open refresh requests, worked off by the node holding the parser schedule lease.
CREATE TABLE parser_refresh_request (
    channel_id   BIGINT      PRIMARY KEY REFERENCES channel (id) ON DELETE CASCADE,
    requested_at TIMESTAMPTZ NOT NULL
);

-- Our own warning signs, computed from the metric history after each successful fetch.
CREATE TABLE parser_channel_warning (
    channel_id  BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    code        TEXT        NOT NULL,              -- EVEN_VIEWS, LOW_REACH, HIGH_ERR_FALLING_SUBSCRIBERS, HIGH_ERR_LOW_ER, SUBSCRIBER_JUMP
    detail      TEXT        NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel_id, code)
);
