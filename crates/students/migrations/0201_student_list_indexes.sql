-- Indexes for the student list over a whole province: by grade across
-- institutions, and by name prefix (queried as a range, so the same index
-- serves both databases; PostgreSQL databases are created with C collation
-- by `scripts/test.sh` and should be in production too, or name ranges
-- follow the database's collation).
CREATE INDEX enrolments_current_by_grade ON enrolments (grade, institution_id, class_name, student_id) WHERE status <> 'left';
CREATE INDEX students_name ON students (name, id);

-- The categories that drive aid and reports are sparse: a list filtered by
-- one of them walks its partial index in student order.
CREATE INDEX students_left_behind ON students (id) WHERE left_behind > 0;
CREATE INDEX students_migrant_child ON students (id) WHERE migrant_child = TRUE;
CREATE INDEX students_boarding ON students (id) WHERE boarding = TRUE;
CREATE INDEX students_dibao ON students (id) WHERE dibao = TRUE;
CREATE INDEX students_registered_poor ON students (id) WHERE registered_poor = TRUE;
CREATE INDEX students_disability ON students (id) WHERE disability <> '';
CREATE INDEX students_orphan ON students (id) WHERE orphan = TRUE;

-- Statistics for the planner, so it picks these indexes on a database
-- that already holds data.
ANALYZE;
