-- Mini App viewers get random ad-engine client ids (issue 14): the id was a name-based UUID of "tg:<telegram id>",
-- so anyone could compute it and read or overwrite the viewer's profile through /clients.
CREATE TABLE ad_viewer (
    telegram_id BIGINT PRIMARY KEY,
    client_id   UUID   NOT NULL UNIQUE REFERENCES ad_client (client_id)
);

-- Existing viewers move to a fresh random client holding their profile; the old client keeps only its history
-- (impressions and clicks refer to it) and loses the profile.
CREATE TEMPORARY TABLE viewer_move ON COMMIT DROP AS
SELECT client_id AS old_id, gen_random_uuid() AS new_id, substring(login FROM 4)::BIGINT AS telegram_id,
       login, age, location, gender
FROM ad_client WHERE login ~ '^tg:-?[0-9]{1,18}$';

INSERT INTO ad_client (client_id, login, age, location, gender)
SELECT new_id, login, age, location, gender FROM viewer_move;

INSERT INTO ad_viewer (telegram_id, client_id)
SELECT DISTINCT ON (telegram_id) telegram_id, new_id FROM viewer_move ORDER BY telegram_id, new_id;

UPDATE ad_client c SET login = c.login || ':retired', age = NULL, location = NULL, gender = NULL
FROM viewer_move m WHERE c.client_id = m.old_id;
