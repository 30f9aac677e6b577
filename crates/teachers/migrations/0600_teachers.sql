-- Teachers (教师队伍): the staff registry and the records every part of the
-- area reads — postings, honours and 师德 records, continuing-education
-- attendance and annual assessments. Each part adds its own tables in its
-- own migrations (0601–0699).

-- 教职工: one row per person, keyed by national ID. `institution_id` is the
-- employing institution (人事关系); where the person works now is the open
-- posting in teachers_postings.
CREATE TABLE teachers_staff (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    national_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date DATE NOT NULL,
    ethnicity TEXT NOT NULL DEFAULT '',
    politics TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    degree TEXT NOT NULL DEFAULT '',
    work_start TEXT NOT NULL DEFAULT '',
    teaching_start TEXT NOT NULL DEFAULT '',
    post_category TEXT NOT NULL CHECK (post_category IN ('technical', 'management', 'support')),
    post_grade BIGINT,
    establishment TEXT NOT NULL CHECK (establishment IN ('in_quota', 'outside_quota', 'substitute')),
    full_time BOOLEAN NOT NULL DEFAULT TRUE,
    subjects TEXT NOT NULL DEFAULT '',
    stage TEXT,
    title_series TEXT,
    title_level TEXT NOT NULL DEFAULT 'none',
    title_obtained_on DATE,
    title_appointed_on DATE,
    certificate_type TEXT NOT NULL DEFAULT '',
    certificate_subject TEXT NOT NULL DEFAULT '',
    certificate_number TEXT NOT NULL DEFAULT '',
    backbone_level TEXT,
    backbone_from DATE,
    backbone_to DATE,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'retired')),
    user_id BIGINT REFERENCES users (id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX teachers_staff_institution ON teachers_staff (institution_id, status);
CREATE INDEX teachers_staff_name ON teachers_staff (name);
CREATE UNIQUE INDEX teachers_staff_user ON teachers_staff (user_id) WHERE user_id IS NOT NULL;

-- 岗位变动: where a person works and since when. At most one open posting
-- per person: a teacher works at one institution at a time.
CREATE TABLE teachers_postings (
    id {{ID}},
    staff_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    kind TEXT NOT NULL CHECK (kind IN ('appointment', 'transfer', 'rotation', 'support', 'paired_support')),
    institution_id BIGINT REFERENCES institutions (id),
    destination TEXT NOT NULL DEFAULT '',
    starts_on DATE NOT NULL,
    ends_on DATE,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (institution_id IS NOT NULL OR destination <> ''),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX teachers_postings_open ON teachers_postings (staff_id) WHERE ends_on IS NULL;
CREATE INDEX teachers_postings_institution ON teachers_postings (institution_id, ends_on);

-- 荣誉与师德记录: honours with level and year; 师德 awards; 师德 violations,
-- a vetoing one blocking 优秀 and title promotion (师德一票否决).
CREATE TABLE teachers_honours (
    id {{ID}},
    staff_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    kind TEXT NOT NULL CHECK (kind IN ('honour', 'ethics_award', 'ethics_violation')),
    title TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'district', 'school')),
    year BIGINT NOT NULL,
    veto BOOLEAN NOT NULL DEFAULT FALSE,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (veto = FALSE OR kind = 'ethics_violation')
);
CREATE INDEX teachers_honours_staff ON teachers_honours (staff_id, year);

-- 继续教育: training projects, their sessions, and hours credited per
-- attendance — once per person and session.
CREATE TABLE teachers_training_projects (
    id {{ID}},
    name TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'district', 'school')),
    year BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE teachers_training_sessions (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES teachers_training_projects (id),
    title TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    hours BIGINT NOT NULL CHECK (hours > 0),
    places BIGINT,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX teachers_training_sessions_project ON teachers_training_sessions (project_id);

CREATE TABLE teachers_training_attendance (
    session_id BIGINT NOT NULL REFERENCES teachers_training_sessions (id),
    staff_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    attended_on DATE NOT NULL,
    hours BIGINT NOT NULL CHECK (hours > 0),
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, staff_id)
);
CREATE INDEX teachers_training_attendance_staff ON teachers_training_attendance (staff_id, attended_on);

-- 年度考核: one grade per person and year, given by the institution where
-- the person worked that year.
CREATE TABLE teachers_assessments (
    staff_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    year BIGINT NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    grade TEXT NOT NULL CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (staff_id, year)
);
CREATE INDEX teachers_assessments_institution ON teachers_assessments (institution_id, year);
