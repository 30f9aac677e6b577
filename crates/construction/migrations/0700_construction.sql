-- Construction (基建): the projects and their phases every part of the area
-- reads. Each part adds its own tables in its own migrations (0701–0799).
-- Areas are whole square metres, money whole yuan (元).

-- 建设项目: one project of a kind, at an institution or — for a school not
-- yet delivered — in a township; the registry entry is created when the
-- school is delivered (institution_id set then).
CREATE TABLE construction_projects (
    id {{ID}},
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('new_build', 'extension', 'reinforcement', 'dangerous_rebuild', 'repair', 'public_supporting')),
    institution_id BIGINT REFERENCES institutions (id),
    township_id BIGINT NOT NULL REFERENCES townships (id),
    year BIGINT NOT NULL,
    planned_floor_area BIGINT NOT NULL DEFAULT 0 CHECK (planned_floor_area >= 0),
    dangerous_area_removed BIGINT NOT NULL DEFAULT 0 CHECK (dangerous_area_removed >= 0),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'cancelled')),
    responsible_person TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_projects_institution ON construction_projects (institution_id);
CREATE INDEX construction_projects_year ON construction_projects (year, kind);
CREATE INDEX construction_projects_township ON construction_projects (township_id);

-- 项目阶段: the seven phases of every project, in order (seq 1–7), with
-- planned and actual dates. A phase starts only after the one before it.
CREATE TABLE construction_phases (
    project_id BIGINT NOT NULL REFERENCES construction_projects (id),
    phase TEXT NOT NULL CHECK (phase IN ('approval', 'design_tender', 'cost_consulting', 'construction_tender', 'construction', 'acceptance', 'handover')),
    seq BIGINT NOT NULL CHECK (seq BETWEEN 1 AND 7),
    planned_start DATE,
    planned_end DATE,
    actual_start DATE,
    actual_end DATE,
    PRIMARY KEY (project_id, phase),
    CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
    CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start))
);
