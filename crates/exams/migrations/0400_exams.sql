-- Exams and quality (考试与质量).
--
-- An exam (中考, 高考, 学业水平考试) of a year has papers (科目) with their
-- full marks and score lines (分数线) per track (科类). Its results come in
-- versions: imports write the open version; publishing freezes it; a
-- correction opens the next version with a reason, the earlier ones kept.
-- Scores are in tenths of a point (587.5 分 is 5875).
CREATE TABLE exams_exams (
    id {{ID}},
    year BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('zhongkao', 'gaokao', 'xueye')),
    name TEXT NOT NULL,
    -- 成绩分析说明: the short report text staff write beside the figures.
    report TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, year, name)
);

CREATE TABLE exams_papers (
    id {{ID}},
    exam_id BIGINT NOT NULL REFERENCES exams_exams (id),
    subject TEXT NOT NULL,
    max_score BIGINT NOT NULL CHECK (max_score > 0),
    UNIQUE (exam_id, subject)
);

CREATE TABLE exams_lines (
    id {{ID}},
    exam_id BIGINT NOT NULL REFERENCES exams_exams (id),
    track TEXT NOT NULL,
    name TEXT NOT NULL,
    score BIGINT NOT NULL CHECK (score >= 0),
    UNIQUE (exam_id, track, name)
);

CREATE TABLE exams_versions (
    id {{ID}},
    exam_id BIGINT NOT NULL REFERENCES exams_exams (id),
    version BIGINT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    published_by TEXT,
    published_at TIMESTAMPTZ,
    UNIQUE (exam_id, version)
);

-- One candidate's result, joined to the student record when the import
-- named a known student (national ID or 考号).
CREATE TABLE exams_scores (
    id {{ID}},
    version_id BIGINT NOT NULL REFERENCES exams_versions (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    student_id BIGINT REFERENCES students (id),
    candidate_no TEXT NOT NULL,
    name TEXT NOT NULL,
    track TEXT NOT NULL,
    total BIGINT NOT NULL,
    -- {"语文": 1105, …} in tenths.
    subjects TEXT NOT NULL DEFAULT '{}',
    UNIQUE (version_id, candidate_no)
);
CREATE INDEX exams_scores_by_school ON exams_scores (version_id, institution_id);

-- Each school's candidates per track, from its students' scores or
-- imported as totals where only totals exist.
CREATE TABLE exams_school_results (
    id {{ID}},
    version_id BIGINT NOT NULL REFERENCES exams_versions (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    track TEXT NOT NULL,
    candidates BIGINT NOT NULL CHECK (candidates >= 0),
    from_scores BOOLEAN NOT NULL,
    UNIQUE (version_id, institution_id, track)
);

-- How many of a school's candidates of a track reached each line.
CREATE TABLE exams_school_over (
    id {{ID}},
    version_id BIGINT NOT NULL REFERENCES exams_versions (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    track TEXT NOT NULL,
    line TEXT NOT NULL,
    reached BIGINT NOT NULL CHECK (reached >= 0),
    UNIQUE (version_id, institution_id, track, line)
);

-- 国家义务教育质量监测: a round (year, grade) and each school's result per
-- subject: students tested, mean score (tenths) and how many reached the
-- standard (达标).
CREATE TABLE exams_quality_rounds (
    id {{ID}},
    year BIGINT NOT NULL,
    grade BIGINT NOT NULL CHECK (grade BETWEEN 1 AND 9),
    name TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (year, grade, name)
);

CREATE TABLE exams_quality_results (
    id {{ID}},
    round_id BIGINT NOT NULL REFERENCES exams_quality_rounds (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    subject TEXT NOT NULL,
    tested BIGINT NOT NULL CHECK (tested > 0),
    mean BIGINT NOT NULL CHECK (mean >= 0),
    passed BIGINT NOT NULL CHECK (passed >= 0),
    UNIQUE (round_id, institution_id, subject)
);
