-- Ad engine (PROD 2025 advertising platform): clients, advertisers, ML scores, campaigns, the
-- emulated current day, and one row per unique impression and click. Owned by catalog-core
-- (features io.chanmarket.core.ads..). Statistics are aggregated from the event rows, which keep
-- the price in force when each event happened.

CREATE TABLE ad_client (
    client_id  UUID PRIMARY KEY,
    login      TEXT NOT NULL,
    age        INT  NOT NULL,
    location   TEXT NOT NULL,
    gender     TEXT NOT NULL CHECK (gender IN ('MALE', 'FEMALE'))
);

CREATE TABLE ad_advertiser (
    advertiser_id UUID PRIMARY KEY,
    name          TEXT NOT NULL
);

-- A missing row means score 0.
CREATE TABLE ad_ml_score (
    client_id     UUID NOT NULL REFERENCES ad_client (client_id),
    advertiser_id UUID NOT NULL REFERENCES ad_advertiser (advertiser_id),
    score         INT  NOT NULL CHECK (score >= 0),
    PRIMARY KEY (client_id, advertiser_id)
);

CREATE TABLE ad_campaign (
    campaign_id         UUID PRIMARY KEY,
    advertiser_id       UUID           NOT NULL REFERENCES ad_advertiser (advertiser_id),
    seq                 BIGSERIAL      NOT NULL,            -- creation order, for stable paging
    impressions_limit   INT            NOT NULL CHECK (impressions_limit >= 0),
    clicks_limit        INT            NOT NULL CHECK (clicks_limit >= 0),
    cost_per_impression NUMERIC(18, 6) NOT NULL CHECK (cost_per_impression >= 0),
    cost_per_click      NUMERIC(18, 6) NOT NULL CHECK (cost_per_click >= 0),
    ad_title            TEXT           NOT NULL,
    ad_text             TEXT           NOT NULL,
    start_date          INT            NOT NULL,
    end_date            INT            NOT NULL,
    target_gender       TEXT CHECK (target_gender IN ('MALE', 'FEMALE', 'ALL')),
    target_age_from     INT,
    target_age_to       INT,
    target_location     TEXT,
    -- Deleted campaigns disappear from the API but keep their events, so an advertiser's totals
    -- stay what was really spent.
    deleted             BOOLEAN        NOT NULL DEFAULT FALSE,
    CHECK (end_date >= start_date)
);
CREATE INDEX ad_campaign_advertiser ON ad_campaign (advertiser_id, seq) WHERE NOT deleted;
CREATE INDEX ad_campaign_dates ON ad_campaign (start_date, end_date) WHERE NOT deleted;

-- The emulated current day; exactly one row.
CREATE TABLE ad_clock (
    id          INT PRIMARY KEY CHECK (id = 1),
    current_day INT NOT NULL CHECK (current_day >= 0)
);
INSERT INTO ad_clock (id, current_day) VALUES (1, 0);

-- One row per unique (campaign, client) impression: the primary key is the source of truth for
-- "counted once", whatever the caches on the nodes believe.
CREATE TABLE ad_impression (
    campaign_id UUID           NOT NULL REFERENCES ad_campaign (campaign_id),
    client_id   UUID           NOT NULL REFERENCES ad_client (client_id),
    day         INT            NOT NULL,
    cost        NUMERIC(18, 6) NOT NULL,   -- cost_per_impression in force at the time
    ml_score    INT            NOT NULL,   -- the client's score for the advertiser at the time
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, client_id)
);
CREATE INDEX ad_impression_client ON ad_impression (client_id);

CREATE TABLE ad_click (
    campaign_id UUID           NOT NULL,
    client_id   UUID           NOT NULL,
    day         INT            NOT NULL,
    cost        NUMERIC(18, 6) NOT NULL,   -- cost_per_click in force at the time
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, client_id),
    FOREIGN KEY (campaign_id, client_id) REFERENCES ad_impression (campaign_id, client_id)
);
