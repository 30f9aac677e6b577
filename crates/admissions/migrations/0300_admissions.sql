-- Admissions (招生入学): rounds, schools with seats and catchments,
-- applications with ranked choices, stored allocation runs, appeals.
CREATE TABLE admission_rounds (
    id {{ID}},
    name TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('primary1', 'junior1')),
    school_year BIGINT NOT NULL,
    apply_from TIMESTAMPTZ NOT NULL,
    apply_until TIMESTAMPTZ NOT NULL,
    max_choices BIGINT NOT NULL CHECK (max_choices BETWEEN 1 AND 10),
    seed_publish_at TIMESTAMPTZ NOT NULL,
    seed TEXT,
    published_at TIMESTAMPTZ,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (apply_until > apply_from)
);

CREATE TABLE round_schools (
    round_id BIGINT NOT NULL REFERENCES admission_rounds (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    seats BIGINT NOT NULL CHECK (seats >= 0),
    early_seats BIGINT NOT NULL DEFAULT 0 CHECK (early_seats >= 0),
    private_lottery BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (round_id, institution_id)
);

-- 学区: the communities whose children belong to a school's catchment.
CREATE TABLE catchments (
    round_id BIGINT NOT NULL REFERENCES admission_rounds (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    community TEXT NOT NULL,
    PRIMARY KEY (round_id, institution_id, community)
);

CREATE TABLE applications (
    id {{ID}},
    round_id BIGINT NOT NULL REFERENCES admission_rounds (id),
    ref_no TEXT NOT NULL UNIQUE,
    child_id_number TEXT NOT NULL,
    child_name TEXT NOT NULL,
    birth_date DATE NOT NULL,
    guardian_name TEXT NOT NULL,
    guardian_phone TEXT NOT NULL,
    community TEXT NOT NULL,
    hukou_local BOOLEAN NOT NULL,
    owns_home BOOLEAN NOT NULL,
    residence_permit BOOLEAN NOT NULL,
    documents TEXT NOT NULL DEFAULT '',
    exam_score BIGINT,
    submitted_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (round_id, child_id_number)
);

CREATE TABLE application_choices (
    application_id BIGINT NOT NULL REFERENCES applications (id),
    rank BIGINT NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    PRIMARY KEY (application_id, rank),
    UNIQUE (application_id, institution_id)
);

-- Every allocation run, with what it was computed from.
CREATE TABLE allocation_runs (
    id {{ID}},
    round_id BIGINT NOT NULL REFERENCES admission_rounds (id),
    run_at TIMESTAMPTZ NOT NULL,
    run_by TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    seed TEXT NOT NULL,
    assigned BIGINT NOT NULL,
    unassigned BIGINT NOT NULL
);
CREATE UNIQUE INDEX allocation_runs_one_per_round ON allocation_runs (round_id);

CREATE TABLE allocation_results (
    run_id BIGINT NOT NULL REFERENCES allocation_runs (id),
    application_id BIGINT NOT NULL REFERENCES applications (id),
    institution_id BIGINT REFERENCES institutions (id),
    how TEXT NOT NULL CHECK (how IN ('early', 'choice', 'placed', 'none')),
    choice_rank BIGINT,
    tier BIGINT,
    lottery TEXT NOT NULL,
    PRIMARY KEY (run_id, application_id)
);
CREATE INDEX allocation_results_school ON allocation_results (run_id, institution_id);

CREATE TABLE appeals (
    id {{ID}},
    application_id BIGINT NOT NULL REFERENCES applications (id),
    filed_at TIMESTAMPTZ NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
    response TEXT NOT NULL DEFAULT '',
    decided_by TEXT
);
