-- Catalog: categories and channels with every field of the channel card, plus the history of
-- parsed metrics. Owned by catalog-core (features io.chanmarket.core.catalog..).

CREATE TABLE category (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT        NOT NULL UNIQUE,
    name_ru     TEXT        NOT NULL,
    name_en     TEXT        NOT NULL,
    sort_order  INT         NOT NULL DEFAULT 0,
    is_demo     BOOLEAN     NOT NULL DEFAULT FALSE,
    version     BIGINT      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE channel (
    id                   BIGSERIAL PRIMARY KEY,
    category_id          BIGINT      REFERENCES category (id),
    username             TEXT        UNIQUE,              -- without '@'; null for private channels
    title                TEXT        NOT NULL,
    description          TEXT,
    logo_url             TEXT,                           -- uploaded or parsed logo
    tg_link              TEXT,                           -- https://t.me/...
    tgstat_url           TEXT,
    telemetr_url         TEXT,
    language             TEXT,                           -- ISO 639-1, e.g. 'ru'
    country              TEXT,                           -- main geo, e.g. 'Россия'
    -- Manual fields (admin)
    price_rub            NUMERIC(14, 2),                 -- price of one ad post
    audience_age         TEXT,                           -- e.g. '25-34'
    gender_male_pct      NUMERIC(5, 2),                  -- admin or Telemetr
    gender_female_pct    NUMERIC(5, 2),
    geo_split            JSONB,                          -- [{"name":"Россия","pct":81.5},...]
    -- Automatic fields (parsers); null means "no data", never zero
    subscribers          BIGINT,
    avg_reach            BIGINT,                         -- average post reach
    ad_reach_12h         BIGINT,
    ad_reach_24h         BIGINT,
    ad_reach_48h         BIGINT,
    err_pct              NUMERIC(7, 2),
    err24_pct            NUMERIC(7, 2),
    er_pct               NUMERIC(7, 2),
    citation_index       NUMERIC(12, 3),
    posts_count          BIGINT,
    channel_created_on   DATE,
    cpm_rub              NUMERIC(14, 2),                 -- price / (ad_reach_24h or avg_reach) * 1000
    verified             BOOLEAN     NOT NULL DEFAULT FALSE,
    red_label            BOOLEAN     NOT NULL DEFAULT FALSE, -- TGStat: inflated statistics
    black_label          BOOLEAN     NOT NULL DEFAULT FALSE, -- TGStat: scam
    metrics_updated_at   TIMESTAMPTZ,
    -- Bookkeeping
    hidden               BOOLEAN     NOT NULL DEFAULT FALSE,
    is_demo              BOOLEAN     NOT NULL DEFAULT FALSE,
    version              BIGINT      NOT NULL DEFAULT 0,  -- optimistic locking for admin edits
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX channel_category_idx ON channel (category_id);

-- One row per successful fetch, for trends and warning heuristics.
CREATE TABLE channel_metric_history (
    id                 BIGSERIAL PRIMARY KEY,
    channel_id         BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    source             TEXT        NOT NULL,             -- TGSTAT_HTML, TGSTAT_API, TELEMETR, MANUAL
    fetched_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    subscribers        BIGINT,
    avg_reach          BIGINT,
    ad_reach_12h       BIGINT,
    ad_reach_24h       BIGINT,
    ad_reach_48h       BIGINT,
    err_pct            NUMERIC(7, 2),
    err24_pct          NUMERIC(7, 2),
    er_pct             NUMERIC(7, 2),
    citation_index     NUMERIC(12, 3),
    posts_count        BIGINT,
    gender_male_pct    NUMERIC(5, 2),
    gender_female_pct  NUMERIC(5, 2)
);
CREATE INDEX channel_metric_history_channel_idx ON channel_metric_history (channel_id, fetched_at DESC);

CREATE TABLE channel_review (
    id          BIGSERIAL PRIMARY KEY,
    channel_id  BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    author      TEXT        NOT NULL,
    text        TEXT        NOT NULL,
    rating      SMALLINT    CHECK (rating BETWEEN 1 AND 5),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX channel_review_channel_idx ON channel_review (channel_id);

CREATE TABLE channel_ad_example (
    id          BIGSERIAL PRIMARY KEY,
    channel_id  BIGINT      NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    title       TEXT        NOT NULL,
    post_url    TEXT,                                   -- link to the ad post
    image_url   TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX channel_ad_example_channel_idx ON channel_ad_example (channel_id);
