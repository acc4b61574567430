-- Ad engine extras: moderation of ad texts. Both tables are managed only through the API.
-- The switch: when enabled, campaign create/replace with a blacklisted title or text is refused.
CREATE TABLE ad_moderation_setting (
    id      INT PRIMARY KEY CHECK (id = 1),
    enabled BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO ad_moderation_setting (id, enabled) VALUES (1, FALSE);

-- Blacklisted words and phrases as entered (matched after normalisation and stemming).
CREATE TABLE ad_blacklist (
    phrase     TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
