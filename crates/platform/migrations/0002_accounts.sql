-- Accounts and sessions. `institution_id` points at institutions(id); the
-- institutions registry adds that constraint on PostgreSQL once its table
-- exists (SQLite accepts the forward reference here).
CREATE TABLE users (
    id {{ID}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('leadership', 'section', 'inspector', 'institution')),
    section TEXT,
-- @sqlite
    institution_id BIGINT REFERENCES institutions (id),
-- @end
-- @postgres
    institution_id BIGINT,
-- @end
    active BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((role = 'institution') = (institution_id IS NOT NULL)),
    CHECK ((role = 'section') = (section IS NOT NULL))
);
CREATE INDEX users_institution ON users (institution_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
