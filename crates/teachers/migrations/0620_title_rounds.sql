-- 职称评审: a round per year with its parameters, the places each
-- institution has per title, and the applications schools submit for
-- their teachers with the result of the review by 人事科.

CREATE TABLE teachers_title_rounds (
    id {{ID}},
    name TEXT NOT NULL,
    year BIGINT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    years_to_second BIGINT NOT NULL,
    years_to_first BIGINT NOT NULL,
    years_to_senior BIGINT NOT NULL,
    years_to_professor BIGINT NOT NULL,
    assessment_years BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ
);

-- 名额: how many of an institution's applicants may pass for a title.
CREATE TABLE teachers_title_quotas (
    round_id BIGINT NOT NULL REFERENCES teachers_title_rounds (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    series TEXT NOT NULL CHECK (series IN ('secondary', 'primary', 'preschool', 'vocational')),
    level TEXT NOT NULL CHECK (level IN ('third', 'second', 'first', 'senior', 'professor')),
    places BIGINT NOT NULL CHECK (places >= 0),
    PRIMARY KEY (round_id, institution_id, series, level)
);

-- 申报: one per person and round; from_* keep the title held when applying.
CREATE TABLE teachers_title_applications (
    id {{ID}},
    round_id BIGINT NOT NULL REFERENCES teachers_title_rounds (id),
    staff_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    from_series TEXT,
    from_level TEXT NOT NULL,
    series TEXT NOT NULL CHECK (series IN ('secondary', 'primary', 'preschool', 'vocational')),
    level TEXT NOT NULL CHECK (level IN ('third', 'second', 'first', 'senior', 'professor')),
    status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'passed', 'failed')),
    comment TEXT NOT NULL DEFAULT '',
    submitted_by TEXT NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    reviewed_by TEXT,
    reviewed_at TIMESTAMPTZ,
    UNIQUE (round_id, staff_id)
);
CREATE INDEX teachers_title_applications_round ON teachers_title_applications (round_id, institution_id, status);
