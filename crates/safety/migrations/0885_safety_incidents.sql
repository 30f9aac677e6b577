-- Incidents (安全事故) and epidemic reports (疫情报告).

-- 安全事故: one incident at an institution, reported and then handled
-- through 报告 → 处置中 → 结案; the follow-up (处理结果) is written when
-- it is closed.
CREATE TABLE safety_incidents (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    occurred_at TIMESTAMPTZ NOT NULL,
    occurred_on DATE NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('drowning', 'traffic', 'injury', 'food_poisoning', 'fire', 'other')),
    injured BIGINT NOT NULL CHECK (injured >= 0),
    deaths BIGINT NOT NULL CHECK (deaths >= 0),
    description TEXT NOT NULL,
    measures TEXT NOT NULL DEFAULT '',
    reported_by TEXT NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('reported', 'handling', 'closed')),
    follow_up TEXT NOT NULL DEFAULT '',
    closed_on DATE,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX safety_incidents_institution ON safety_incidents (institution_id);
CREATE INDEX safety_incidents_occurred ON safety_incidents (occurred_on);

-- 疫情: a disease event at an institution from its first case, with the
-- activation of the emergency plan (启动应急预案) and its end (结束) once
-- the observation days after the last case passed without a new one. An
-- institution has one open event at a time.
CREATE TABLE safety_epidemics (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    disease TEXT NOT NULL CHECK (disease IN ('influenza', 'norovirus', 'hfmd', 'varicella', 'mumps', 'other')),
    first_case_on DATE NOT NULL,
    observation_days BIGINT NOT NULL CHECK (observation_days > 0),
    plan_activated_on DATE,
    closed_on DATE,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX safety_epidemics_institution ON safety_epidemics (institution_id);

-- 疫情日报: one report a day of an event: new cases, pupils absent, and
-- the classes concerned (optional).
CREATE TABLE safety_epidemic_reports (
    id {{ID}},
    epidemic_id BIGINT NOT NULL REFERENCES safety_epidemics (id),
    reported_on DATE NOT NULL,
    new_cases BIGINT NOT NULL CHECK (new_cases >= 0),
    absent BIGINT NOT NULL CHECK (absent >= 0),
    classes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (epidemic_id, reported_on)
);
