-- Year-end promotion runs (年终升级): who ran which scope for which school
-- year, and every enrolment each run moved, so that the bureau sees when a
-- school was promoted and a run can be undone (撤销) within its school year.
CREATE TABLE students_promotion_runs (
    id {{ID}},
    school_year BIGINT NOT NULL,
    -- 'district', 'stage:<key>' or 'institution:<id>'; scope_label names it.
    scope TEXT NOT NULL,
    scope_label TEXT NOT NULL,
    promoted BIGINT NOT NULL,
    graduated BIGINT NOT NULL,
    run_on DATE NOT NULL,
    run_by TEXT NOT NULL,
    run_at TIMESTAMPTZ NOT NULL,
    undone_by TEXT,
    undone_at TIMESTAMPTZ
);
CREATE INDEX students_promotion_runs_year ON students_promotion_runs (school_year);

-- One row per enrolment a run ended: 'promoted' rows name the enrolment
-- the run opened in the next school year; 'graduated' rows have none.
CREATE TABLE students_promotion_moves (
    run_id BIGINT NOT NULL REFERENCES students_promotion_runs (id),
    old_enrolment_id BIGINT NOT NULL REFERENCES students_enrolments (id),
    new_enrolment_id BIGINT,
    student_id BIGINT NOT NULL REFERENCES students (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    grade BIGINT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('promoted', 'graduated')),
    PRIMARY KEY (run_id, old_enrolment_id)
);
CREATE INDEX students_promotion_moves_institution ON students_promotion_moves (institution_id, grade);
