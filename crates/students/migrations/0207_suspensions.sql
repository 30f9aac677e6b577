-- 休学: why and from when an enrolment was suspended (the enrolment's
-- status says whether it still is).
CREATE TABLE students_suspensions (
    id {{ID}},
    enrolment_id BIGINT NOT NULL REFERENCES students_enrolments (id),
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    suspended_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX students_suspensions_enrolment ON students_suspensions (enrolment_id);

