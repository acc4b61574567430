-- Segments and mailings (issue 7). Owned by catalog-core (io.chanmarket.core.mailing).

-- AUTO: one per category, members join by interest (segment_member). MANUAL: filters on users, evaluated when used.
CREATE TABLE segment (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('AUTO', 'MANUAL')),
    category_id      BIGINT      UNIQUE REFERENCES category (id) ON DELETE CASCADE,  -- AUTO only
    name             TEXT,                                                           -- MANUAL only
    language_code    TEXT,        -- MANUAL filter: users with this language (null = any)
    premium_only     BOOLEAN     NOT NULL DEFAULT FALSE,
    seen_within_days INTEGER CHECK (seen_within_days > 0),                           -- MANUAL filter: last seen
    interest_category_id BIGINT  REFERENCES category (id) ON DELETE SET NULL,        -- MANUAL filter: topic member
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'AUTO') = (category_id IS NOT NULL))
);

-- Opens of a category or its channels per user, folded incrementally from the event log.
CREATE TABLE segment_interest (
    category_id  BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    opens        INTEGER NOT NULL,
    PRIMARY KEY (category_id, user_id)
);

CREATE TABLE segment_member (
    segment_id  BIGINT      NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
    user_id     BIGINT      NOT NULL,
    joined_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (segment_id, user_id)
);

-- One row: the last event_log id folded into segment_interest.
CREATE TABLE segment_fold_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_event_id  BIGINT  NOT NULL
);
INSERT INTO segment_fold_state (id, last_event_id) VALUES (1, 0);

CREATE TABLE mailing (
    id                 BIGSERIAL PRIMARY KEY,
    title              TEXT        NOT NULL,
    text               TEXT        NOT NULL,                -- Telegram HTML
    image_url          TEXT,
    button_channel_id  BIGINT      REFERENCES channel (id) ON DELETE SET NULL,
    button_text        TEXT,
    state              TEXT        NOT NULL CHECK (state IN ('DRAFT', 'RUNNING', 'PAUSED', 'CANCELLED', 'DONE')),
    is_test            BOOLEAN     NOT NULL DEFAULT FALSE,  -- a "send a test to yourself" copy
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX mailing_running_idx ON mailing (id) WHERE state = 'RUNNING';

CREATE TABLE mailing_segment (
    mailing_id  BIGINT NOT NULL REFERENCES mailing (id) ON DELETE CASCADE,
    segment_id  BIGINT NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
    PRIMARY KEY (mailing_id, segment_id)
);

-- Recipients snapshotted at start. PENDING -> SENDING (written before the Bot API call) -> DELIVERED, BLOCKED, FAILED;
-- SENDING left by a crashed sender becomes UNKNOWN and is never resent; CANCELLED when the mailing is cancelled.
CREATE TABLE mailing_recipient (
    mailing_id       BIGINT      NOT NULL REFERENCES mailing (id) ON DELETE CASCADE,
    user_id          BIGINT      NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'BLOCKED', 'FAILED',
                                                           'UNKNOWN', 'CANCELLED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    error            TEXT,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (mailing_id, user_id)
);
CREATE INDEX mailing_recipient_pending_idx ON mailing_recipient (mailing_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mailing_recipient_status_idx ON mailing_recipient (mailing_id, status);
