-- New users per day next to active users, kept by each fold (AnalyticsRollup), so the users page reads
-- one row per day instead of counting analytics_user_first. Filled here from the users already folded.
ALTER TABLE analytics_users_daily ADD COLUMN new_users BIGINT NOT NULL DEFAULT 0;
INSERT INTO analytics_users_daily (day, active_users, new_users)
SELECT first_day, 0, count(*) FROM analytics_user_first GROUP BY first_day
ON CONFLICT (day) DO UPDATE SET new_users = EXCLUDED.new_users;
