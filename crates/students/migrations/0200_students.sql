-- Student records (学籍). One row per child, keyed by document number.
CREATE TABLE students (
    id {{ID}},
    id_type TEXT NOT NULL,
    id_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('1', '2')),
    birth_date DATE NOT NULL,
    ethnicity TEXT NOT NULL DEFAULT '01',
    hukou_type TEXT NOT NULL DEFAULT '',
    hukou_division TEXT NOT NULL DEFAULT '',
    health TEXT NOT NULL DEFAULT '',
    left_behind BIGINT NOT NULL DEFAULT 0 CHECK (left_behind IN (0, 1, 2)),
    migrant_child BOOLEAN NOT NULL DEFAULT FALSE,
    orphan BOOLEAN NOT NULL DEFAULT FALSE,
    disability TEXT NOT NULL DEFAULT '',
    inclusive_class BOOLEAN NOT NULL DEFAULT FALSE,
    boarding BOOLEAN NOT NULL DEFAULT FALSE,
    dibao BOOLEAN NOT NULL DEFAULT FALSE,
    registered_poor BOOLEAN NOT NULL DEFAULT FALSE,
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    guardian_name TEXT NOT NULL DEFAULT '',
    guardian_relation TEXT NOT NULL DEFAULT '',
    guardian_phone TEXT NOT NULL DEFAULT '',
    extra_json TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Enrolment of a student in an institution for a school year, grade and
-- class. A student is enrolled in at most one institution at a time: the
-- partial unique index admits one row per student that has not left.
CREATE TABLE enrolments (
    id {{ID}},
    student_id BIGINT NOT NULL REFERENCES students (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    school_year BIGINT NOT NULL,
    grade BIGINT NOT NULL CHECK (grade BETWEEN -2 AND 12),
    class_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'transferring', 'left')),
    left_reason TEXT CHECK (left_reason IN ('promoted', 'transferred', 'graduated', 'dropped_out', 'other')),
    entered_on DATE NOT NULL,
    left_on DATE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX enrolments_one_current ON enrolments (student_id) WHERE status <> 'left';
CREATE INDEX enrolments_current_by_institution ON enrolments (institution_id, grade, class_name, student_id) WHERE status <> 'left';
CREATE INDEX enrolments_student ON enrolments (student_id);

-- Transfers between institutions: requested by the sending side, confirmed
-- (or refused) by the receiving side.
CREATE TABLE transfers (
    id {{ID}},
    student_id BIGINT NOT NULL REFERENCES students (id),
    from_institution_id BIGINT NOT NULL REFERENCES institutions (id),
    to_institution_id BIGINT NOT NULL REFERENCES institutions (id),
    grade BIGINT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'refused', 'cancelled')),
    requested_by TEXT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    decided_by TEXT,
    decided_at TIMESTAMPTZ
);
CREATE INDEX transfers_to ON transfers (to_institution_id, status);
CREATE UNIQUE INDEX transfers_one_pending ON transfers (student_id) WHERE status = 'pending';

-- The household register of school-age children (from the public-security
-- household data), against which enrolment is checked.
CREATE TABLE children (
    id {{ID}},
    id_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('1', '2')),
    birth_date DATE NOT NULL,
    township_id BIGINT NOT NULL REFERENCES townships (id),
    address TEXT NOT NULL DEFAULT '',
    guardian_name TEXT NOT NULL DEFAULT '',
    guardian_phone TEXT NOT NULL DEFAULT ''
);
CREATE INDEX children_township ON children (township_id);

-- Dropout control (控辍保学): one case per school-age child not in school.
CREATE TABLE dropout_cases (
    id {{ID}},
    id_number TEXT NOT NULL,
    name TEXT NOT NULL,
    township_id BIGINT NOT NULL REFERENCES townships (id),
    institution_id BIGINT REFERENCES institutions (id),
    student_id BIGINT REFERENCES students (id),
    cause TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'returned', 'vocational', 'closed')),
    opened_on DATE NOT NULL,
    closed_on DATE,
    outcome TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX dropout_cases_one_open ON dropout_cases (id_number) WHERE status = 'open';
CREATE INDEX dropout_cases_institution ON dropout_cases (institution_id);

CREATE TABLE home_visits (
    id {{ID}},
    case_id BIGINT NOT NULL REFERENCES dropout_cases (id),
    visited_on DATE NOT NULL,
    visitor TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX home_visits_case ON home_visits (case_id);

-- Left-behind children's archive (留守儿童档案) and care records.
CREATE TABLE left_behind_archive (
    student_id BIGINT PRIMARY KEY REFERENCES students (id),
    guardian TEXT NOT NULL DEFAULT '',
    guardian_relation TEXT NOT NULL DEFAULT '',
    guardian_phone TEXT NOT NULL DEFAULT '',
    parents_whereabouts TEXT NOT NULL DEFAULT '',
    family_situation TEXT NOT NULL DEFAULT '',
    psychological_notes TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE care_records (
    id {{ID}},
    student_id BIGINT NOT NULL REFERENCES students (id),
    cared_on DATE NOT NULL,
    carer TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX care_records_student ON care_records (student_id);
