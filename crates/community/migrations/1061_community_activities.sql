-- 远程学习资源: the distance-learning catalogue (links; `uses` counts each
-- open through the public catalogue). `institution_id` is the provider
-- when a school of the network made it, none for the bureau's own.
CREATE TABLE community_resources (
    id {{ID}},
    institution_id BIGINT REFERENCES institutions (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('video', 'document', 'link', 'course')),
    subject TEXT NOT NULL DEFAULT '',
    provider TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    uses BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL
);

-- 活动与荣誉: 学习节, 终身学习活动周, 一街一品 projects, 百姓学习之星.
CREATE TABLE community_events (
    id {{ID}},
    institution_id BIGINT REFERENCES institutions (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('festival', 'week', 'one_street', 'star')),
    year BIGINT NOT NULL,
    township_id BIGINT NOT NULL REFERENCES townships (id),
    description TEXT NOT NULL DEFAULT '',
    participants BIGINT NOT NULL DEFAULT 0 CHECK (participants >= 0),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_events_year ON community_events (year);

-- 培训: one held session of adult practical or vocational training, or of
-- 0–3 岁早教指导, with its 人次 (attendances), class hours and
-- certificates; early education also counts the families it reached and
-- the 0–3 children of its catchment (coverage).
CREATE TABLE community_trainings (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    kind TEXT NOT NULL CHECK (kind IN ('practical', 'vocational', 'early')),
    title TEXT NOT NULL,
    held_on DATE NOT NULL,
    attendances BIGINT NOT NULL CHECK (attendances > 0),
    hours BIGINT NOT NULL DEFAULT 0 CHECK (hours >= 0),
    certificates BIGINT NOT NULL DEFAULT 0 CHECK (certificates >= 0),
    families BIGINT CHECK (families >= 0),
    children BIGINT CHECK (children >= 0),
    created_at TIMESTAMPTZ NOT NULL,
    recorded_by BIGINT
);
CREATE INDEX community_trainings_held ON community_trainings (held_on, institution_id);
