-- Account administration: a version per account, so that an edit made from
-- a stale page is refused instead of overwriting a newer one. Sign-in
-- throttling now lives in memory (auth/throttle), so the per-account
-- lock-out columns go.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
CREATE INDEX users_role ON users (role, section);
