-- The uniqueness of a student's document number moves from a column
-- constraint to a named unique index, `students_id_number`. The rule is the
-- same; the index can now be dropped and built again inside a large bulk
-- load's transaction (see `store::bulk`): building it once by sorting costs
-- less than a million inserts into it in random key order.
--
-- SQLite cannot drop a column constraint, so the table is rebuilt (the
-- migration runner turns foreign-key enforcement off for this and checks
-- every foreign key before the commit). Its indexes go with the old table
-- and are created again.
-- @sqlite
CREATE TABLE students_rebuilt (
    id INTEGER PRIMARY KEY,
    id_type TEXT NOT NULL,
    id_number TEXT NOT NULL,
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
INSERT INTO students_rebuilt SELECT id, id_type, id_number, name, sex, birth_date, ethnicity,
    hukou_type, hukou_division, health, left_behind, migrant_child, orphan, disability,
    inclusive_class, boarding, dibao, registered_poor, address, phone, guardian_name,
    guardian_relation, guardian_phone, extra_json, version, created_at, updated_at
FROM students;
DROP TABLE students;
ALTER TABLE students_rebuilt RENAME TO students;
CREATE UNIQUE INDEX students_id_number ON students (id_number);
CREATE INDEX students_name ON students (name, id);
CREATE INDEX students_left_behind ON students (id) WHERE left_behind > 0;
CREATE INDEX students_migrant_child ON students (id) WHERE migrant_child = TRUE;
CREATE INDEX students_boarding ON students (id) WHERE boarding = TRUE;
CREATE INDEX students_dibao ON students (id) WHERE dibao = TRUE;
CREATE INDEX students_registered_poor ON students (id) WHERE registered_poor = TRUE;
CREATE INDEX students_disability ON students (id) WHERE disability <> '';
CREATE INDEX students_orphan ON students (id) WHERE orphan = TRUE;
ANALYZE students;
-- @end
-- @postgres
ALTER TABLE students DROP CONSTRAINT students_id_number_key;
CREATE UNIQUE INDEX students_id_number ON students (id_number);
-- @end
