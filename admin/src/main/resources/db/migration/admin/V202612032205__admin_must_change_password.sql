-- The generated first admin must choose a new password at first sign-in.
ALTER TABLE admin_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
