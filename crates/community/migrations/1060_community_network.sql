-- 社区教育网络: the teaching points (教学点) of the community college and
-- schools, one per neighbourhood committee (社区/村) at most, and the
-- standardisation history (标准化社区学校) of each community school. The
-- college and schools themselves are institutions of the registry
-- (category 932).
CREATE TABLE community_teaching_points (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    name TEXT NOT NULL,
    township_id BIGINT NOT NULL REFERENCES townships (id),
    community TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (institution_id, name)
);
CREATE INDEX community_teaching_points_township ON community_teaching_points (township_id);

-- One row per assessment; a school's status is its latest row (highest
-- year, then id). Transitions are checked in code (domain::network).
CREATE TABLE community_standardisation (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    status TEXT NOT NULL CHECK (status IN ('met', 'unmet', 'building')),
    year BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by BIGINT
);
CREATE INDEX community_standardisation_institution ON community_standardisation (institution_id, year);
