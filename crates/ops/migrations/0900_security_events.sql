-- The application's own log of security events (安全事件日志), kept apart
-- from the audit of records: sign-ins, failed sign-ins, lock-outs,
-- refused requests and downloads of files by signed-in users.
CREATE TABLE ops_security_events (
    id {{ID}},
    at TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('login', 'login_failed', 'locked_out', 'refused', 'export')),
    username TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    status BIGINT NOT NULL
);
CREATE INDEX ops_security_events_at ON ops_security_events (at);
