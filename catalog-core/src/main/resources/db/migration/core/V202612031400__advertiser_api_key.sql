-- API keys of advertisers for the ad API in auth mode "keys" (issue 14). Only a SHA-256 hash of a key is stored; the
-- plain key is shown once, when it is created in the admin panel.
CREATE TABLE advertiser_api_key (
    key_id         UUID        PRIMARY KEY,
    advertiser_id  UUID        NOT NULL REFERENCES ad_advertiser (advertiser_id) ON DELETE CASCADE,
    key_hash       TEXT        NOT NULL UNIQUE,        -- hex SHA-256 of the key
    key_prefix     TEXT        NOT NULL,               -- the first characters, to tell keys apart in lists
    label          TEXT        NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at     TIMESTAMPTZ
);
CREATE INDEX advertiser_api_key_advertiser_idx ON advertiser_api_key (advertiser_id);
