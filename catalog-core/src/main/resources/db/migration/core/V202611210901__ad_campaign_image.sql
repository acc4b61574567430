-- Ad engine extras: one image per campaign. The file lives in object storage under object_key
-- (<campaign id>/<content hash>.<png|jpg>); this row says which file is the campaign's now.
CREATE TABLE ad_campaign_image (
    campaign_id  UUID PRIMARY KEY REFERENCES ad_campaign (campaign_id),
    object_key   TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
