-- The institutions registry (机构).
CREATE TABLE institutions (
    id {{ID}},
    code TEXT UNIQUE,
    name TEXT NOT NULL UNIQUE,
    school_type TEXT NOT NULL,
    ownership TEXT NOT NULL CHECK (ownership IN ('public', 'private', 'private_inclusive')),
    licence TEXT NOT NULL CHECK (licence IN ('licensed', 'unlicensed')),
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
    township_id BIGINT NOT NULL REFERENCES townships (id),
    address TEXT NOT NULL DEFAULT '',
    principal TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    founded_year BIGINT,
    approved_places BIGINT NOT NULL DEFAULT 0 CHECK (approved_places >= 0),
    class_count BIGINT NOT NULL DEFAULT 0 CHECK (class_count >= 0),
    boarding BOOLEAN NOT NULL DEFAULT FALSE,
    group_name TEXT,
    tracking_status TEXT CHECK (tracking_status IN ('found', 'rectifying', 'banned', 'licensed', 'closed')),
    notes TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX institutions_township ON institutions (township_id);
CREATE INDEX institutions_school_type ON institutions (school_type);

-- Approved places and classes per school year (the history of capacity).
CREATE TABLE institution_years (
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    school_year BIGINT NOT NULL,
    approved_places BIGINT NOT NULL CHECK (approved_places >= 0),
    class_count BIGINT NOT NULL CHECK (class_count >= 0),
    PRIMARY KEY (institution_id, school_year)
);

-- Designations over time (评定/复验/撤销).
CREATE TABLE designations (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    title TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('awarded', 'reverified', 'revoked')),
    year BIGINT NOT NULL,
    document TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX designations_institution ON designations (institution_id, title);

-- Visits and decisions on unlicensed kindergartens (无证幼儿园).
CREATE TABLE unlicensed_tracking (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    event_date DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('found', 'rectifying', 'banned', 'licensed', 'closed')),
    deadline DATE,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX unlicensed_tracking_institution ON unlicensed_tracking (institution_id);

-- @postgres
ALTER TABLE users ADD CONSTRAINT users_institution_fk FOREIGN KEY (institution_id) REFERENCES institutions (id);
-- @end
