-- Physical fitness (体质健康): one row per student and school year — the
-- results as measured and, once scored, the scores under the 国家学生体质
-- 健康标准 (2014年修订). Each part adds its own tables and columns in its
-- own migrations (0451–0499).
--
-- Results are `fitness::domain::Measure` values: tenths of the item's unit
-- (秒, 厘米, 毫升, 次); height in tenths of a centimetre, weight in tenths
-- of a kilogram. NULL: not tested (or not an item of the grade).
-- Scores are whole points per item (0–100), totals in tenths of a point.
CREATE TABLE fitness_tests (
    id {{ID}},
    student_id BIGINT NOT NULL REFERENCES students (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    school_year BIGINT NOT NULL,
    grade BIGINT NOT NULL CHECK (grade BETWEEN 1 AND 12),
    class_name TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    tested_on DATE,
    exempt BOOLEAN NOT NULL DEFAULT FALSE,
    height BIGINT,
    weight BIGINT,
    vital_capacity BIGINT,
    sprint_50m BIGINT,
    sit_and_reach BIGINT,
    rope_skipping BIGINT,
    sit_ups BIGINT,
    shuttle_8x50m BIGINT,
    standing_long_jump BIGINT,
    pull_ups BIGINT,
    run_1000m BIGINT,
    run_800m BIGINT,
    -- Scores, NULL until scored.
    bmi BIGINT,
    bmi_category TEXT,
    bmi_score BIGINT,
    vital_capacity_score BIGINT,
    sprint_50m_score BIGINT,
    sit_and_reach_score BIGINT,
    rope_skipping_score BIGINT,
    sit_ups_score BIGINT,
    shuttle_8x50m_score BIGINT,
    standing_long_jump_score BIGINT,
    pull_ups_score BIGINT,
    run_1000m_score BIGINT,
    run_800m_score BIGINT,
    standard_total BIGINT,
    bonus BIGINT,
    total BIGINT CHECK (total IS NULL OR total BETWEEN 0 AND 1200),
    level TEXT CHECK (level IN ('excellent', 'good', 'pass', 'fail')),
    scored_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (student_id, school_year)
);
CREATE INDEX fitness_tests_class ON fitness_tests (institution_id, school_year, grade, class_name);
CREATE INDEX fitness_tests_year ON fitness_tests (school_year, institution_id);
