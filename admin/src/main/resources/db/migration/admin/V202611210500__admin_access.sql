-- Admin panel access: accounts, server-side sessions, sign-in attempts, audit log. Owned by the admin module.

CREATE TABLE admin_user (
    id             BIGSERIAL PRIMARY KEY,
    username       TEXT        NOT NULL UNIQUE,          -- stored lower-case
    password_hash  TEXT        NOT NULL,                 -- bcrypt
    role           TEXT        NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'MODERATOR')),
    active         BOOLEAN     NOT NULL DEFAULT TRUE,
    version        BIGINT      NOT NULL DEFAULT 0,       -- optimistic locking for edits by admins
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE admin_session (
    token_hash    TEXT        PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES admin_user (id) ON DELETE CASCADE,
    csrf_token    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL                   -- absolute expiry; idle expiry uses last_seen_at
);
CREATE INDEX admin_session_user_idx ON admin_session (user_id);

CREATE TABLE login_attempt (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT        NOT NULL,
    ip            TEXT        NOT NULL,
    success       BOOLEAN     NOT NULL,
    attempted_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_username_idx ON login_attempt (username, attempted_at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at);

CREATE TABLE audit_log (
    id              BIGSERIAL PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id        BIGINT,                              -- null for the system (bootstrap)
    actor_username  TEXT        NOT NULL,
    action          TEXT        NOT NULL,                -- CREATE, UPDATE, DELETE, SIGN_IN, ...
    entity          TEXT        NOT NULL,                -- category, channel, admin_user, ...
    entity_id       TEXT,
    before_json     JSONB,
    after_json      JSONB
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
