-- Mini App users, favorites, the append-only event log and tracked links.
-- Owned by catalog-core (features io.chanmarket.core.catalog.users/favorites/events/links).

-- Telegram users who opened the Mini App (values from the validated initData).
CREATE TABLE telegram_user (
    id             BIGINT PRIMARY KEY,                  -- Telegram user id
    first_name     TEXT        NOT NULL,
    last_name      TEXT,
    username       TEXT,
    language_code  TEXT,
    is_premium     BOOLEAN     NOT NULL DEFAULT FALSE,
    first_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE favorite (
    user_id     BIGINT      NOT NULL REFERENCES telegram_user (id) ON DELETE CASCADE,
    channel_id  BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, channel_id)
);
CREATE INDEX favorite_channel_idx ON favorite (channel_id);

-- Append-only: rows are never updated. No foreign keys, so facts outlive deleted channels.
CREATE TABLE event_log (
    id               BIGSERIAL PRIMARY KEY,
    occurred_at      TIMESTAMPTZ NOT NULL,
    type             TEXT        NOT NULL,             -- MINIAPP_OPEN, CATEGORY_OPEN, CHANNEL_OPEN, ...
    user_id          BIGINT,
    category_id      BIGINT,
    channel_id       BIGINT,
    tracked_link_id  BIGINT,
    payload          TEXT                              -- deep-link payload, when there was one
);
CREATE INDEX event_log_type_time_idx ON event_log (type, occurred_at);
CREATE INDEX event_log_channel_idx ON event_log (channel_id, occurred_at) WHERE channel_id IS NOT NULL;

-- Links that open the Mini App with ?startapp=<code>; every channel gets a default one (trigger below).
CREATE TABLE tracked_link (
    id           BIGSERIAL PRIMARY KEY,
    code         TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,64}$'),
    channel_id   BIGINT      REFERENCES channel (id) ON DELETE CASCADE,
    category_id  BIGINT      REFERENCES category (id) ON DELETE CASCADE,
    label        TEXT,                                 -- e.g. 'in the channel description'
    is_default   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tracked_link_default_idx ON tracked_link (channel_id) WHERE is_default;

CREATE TABLE tracked_link_arrival (
    id          BIGSERIAL PRIMARY KEY,
    link_id     BIGINT      NOT NULL REFERENCES tracked_link (id) ON DELETE CASCADE,
    user_id     BIGINT,
    arrived_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tracked_link_arrival_link_idx ON tracked_link_arrival (link_id, arrived_at);

CREATE FUNCTION tracked_link_default_code(channel_id BIGINT) RETURNS TEXT AS $$
    SELECT 'lk' || channel_id || '_' || substr(md5(random()::text || clock_timestamp()::text), 1, 6)
$$ LANGUAGE sql VOLATILE;

CREATE FUNCTION channel_default_tracked_link() RETURNS trigger AS $$
BEGIN
    INSERT INTO tracked_link (code, channel_id, is_default)
    VALUES (tracked_link_default_code(NEW.id), NEW.id, TRUE);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER channel_default_tracked_link AFTER INSERT ON channel
    FOR EACH ROW EXECUTE FUNCTION channel_default_tracked_link();

INSERT INTO tracked_link (code, channel_id, is_default)
SELECT tracked_link_default_code(id), id, TRUE FROM channel;

-- Lists sort by subscribers inside a category; the home page takes the top channels of each.
CREATE INDEX channel_category_subscribers_idx ON channel (category_id, subscribers DESC NULLS LAST, id)
    WHERE NOT hidden AND NOT red_label AND NOT black_label;
