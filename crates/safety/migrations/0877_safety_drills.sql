-- 应急预案: one version of an institution's emergency plan for one hazard
-- type; the highest version is in force, reviewed (修订) by `review_on`.
CREATE TABLE safety_plans (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    plan_type TEXT NOT NULL CHECK (plan_type IN ('weather', 'earthquake', 'fire', 'injury', 'food', 'public_health')),
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    approved_on DATE NOT NULL,
    review_on DATE NOT NULL,
    recorded_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (institution_id, plan_type, version),
    CHECK (review_on > approved_on)
);

-- 应急演练: a drill held by an institution (at least two a year).
CREATE TABLE safety_drills (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    drilled_on DATE NOT NULL,
    drill_type TEXT NOT NULL CHECK (drill_type IN ('weather', 'earthquake', 'fire', 'injury', 'food', 'public_health')),
    participants BIGINT NOT NULL CHECK (participants > 0),
    duration_minutes BIGINT NOT NULL CHECK (duration_minutes > 0),
    evaluation TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX safety_drills_institution ON safety_drills (institution_id, drilled_on);
CREATE INDEX safety_drills_day ON safety_drills (drilled_on);
