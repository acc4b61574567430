-- Daily rollups of event_log for the admin analytics, kept up to date incrementally by
-- io.chanmarket.core.catalog.analytics.AnalyticsRollup (owned by catalog-core, like event_log).

-- One row: how far event_log has been folded and in which time zone days were cut.
CREATE TABLE analytics_state (
    id              SMALLINT    PRIMARY KEY CHECK (id = 1),
    last_event_id   BIGINT      NOT NULL,
    time_zone       TEXT        NOT NULL,
    folded_at       TIMESTAMPTZ NOT NULL
);
INSERT INTO analytics_state (id, last_event_id, time_zone, folded_at) VALUES (1, 0, 'Europe/Moscow', now());

-- Events per local day, type, category, channel and tracked link (0 = none). Events that name a
-- channel but no category get the channel's category at folding time.
CREATE TABLE analytics_daily (
    day          DATE   NOT NULL,
    type         TEXT   NOT NULL,
    category_id  BIGINT NOT NULL,
    channel_id   BIGINT NOT NULL,
    link_id      BIGINT NOT NULL,
    events       BIGINT NOT NULL,
    PRIMARY KEY (type, day, category_id, channel_id, link_id)
);

-- The same counts per week (Monday of the local week): week presets read 7 times fewer rows.
CREATE TABLE analytics_weekly (
    week         DATE   NOT NULL,
    type         TEXT   NOT NULL,
    category_id  BIGINT NOT NULL,
    channel_id   BIGINT NOT NULL,
    link_id      BIGINT NOT NULL,
    events       BIGINT NOT NULL,
    PRIMARY KEY (type, week, category_id, channel_id, link_id)
);

-- The first tracked link a user arrived through on a local day (arrival_event_id orders later events).
CREATE TABLE analytics_link_visit (
    user_id           BIGINT NOT NULL,
    day               DATE   NOT NULL,
    link_id           BIGINT NOT NULL,
    arrival_event_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);

-- What arrivals led to: events of that user later on the same day, per link.
CREATE TABLE analytics_link_daily (
    day      DATE   NOT NULL,
    link_id  BIGINT NOT NULL,
    type     TEXT   NOT NULL,
    events   BIGINT NOT NULL,
    PRIMARY KEY (link_id, day, type)
);

-- Users: who was active on which day, the first day of each user, and active users per day.
CREATE TABLE analytics_user_day (
    day      DATE   NOT NULL,
    user_id  BIGINT NOT NULL,
    PRIMARY KEY (day, user_id)
);
CREATE TABLE analytics_user_first (
    user_id    BIGINT PRIMARY KEY,
    first_day  DATE   NOT NULL
);
CREATE INDEX analytics_user_first_day_idx ON analytics_user_first (first_day);
CREATE TABLE analytics_users_daily (
    day           DATE   PRIMARY KEY,
    active_users  BIGINT NOT NULL
);

-- Chart reads: one category's or one channel's rows of a type over a day range.
CREATE INDEX analytics_daily_category_idx ON analytics_daily (type, category_id, day);
CREATE INDEX analytics_daily_channel_idx ON analytics_daily (type, channel_id, day);
CREATE INDEX analytics_weekly_category_idx ON analytics_weekly (type, category_id, week);
CREATE INDEX analytics_weekly_channel_idx ON analytics_weekly (type, channel_id, week);
