-- 学习卡 sign-in: a card's password (argon2id) and its holder's sessions.
-- The session cookie holds a random token; only its SHA-256 is kept here.
CREATE TABLE community_card_logins (
    card_id BIGINT PRIMARY KEY REFERENCES community_cards (id),
    password_hash TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE community_card_sessions (
    id_hash TEXT PRIMARY KEY,
    card_id BIGINT NOT NULL REFERENCES community_cards (id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_card_sessions_card ON community_card_sessions (card_id);

-- The cards a community school issued (its scope), and the sessions still
-- open for enrolment on a citizen's page.
CREATE INDEX community_cards_issued ON community_cards (issued_by);
CREATE INDEX community_sessions_last_day ON community_sessions (last_day);
