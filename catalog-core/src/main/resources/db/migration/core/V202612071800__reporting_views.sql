-- What the read-only Grafana role may read: views over the ad statistics, without clients, keys or the admin's
-- tables. The role (created by deploy/postgres/grafana-reader.sh, a member of reporting_reader) has its search_path
-- set to this schema, so the dashboards' unqualified table names resolve here. Views run with their owner's rights:
-- the reader needs no privilege on the tables behind them.
CREATE SCHEMA IF NOT EXISTS reporting;

CREATE OR REPLACE VIEW reporting.ad_advertiser AS
    SELECT advertiser_id, name FROM public.ad_advertiser;

CREATE OR REPLACE VIEW reporting.ad_campaign AS
    SELECT campaign_id, advertiser_id, seq, ad_title, start_date, end_date, impressions_limit, clicks_limit,
           cost_per_impression, cost_per_click, deleted, stopped
    FROM public.ad_campaign;

CREATE OR REPLACE VIEW reporting.ad_impression AS
    SELECT campaign_id, day, cost FROM public.ad_impression;

CREATE OR REPLACE VIEW reporting.ad_click AS
    SELECT campaign_id, day, cost FROM public.ad_click;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting_reader') THEN
        GRANT USAGE ON SCHEMA reporting TO reporting_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO reporting_reader;
    END IF;
END
$$;
