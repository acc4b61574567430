-- Segments and mailings (issue 7): the account's own Telegram user id, where "send a test to yourself" goes.
ALTER TABLE admin_user ADD COLUMN telegram_user_id BIGINT;
