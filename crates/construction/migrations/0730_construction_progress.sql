-- 形象进度: progress reports on a project, the work items they give a
-- percentage for, and their photos. Percentages in tenths (99.5% = 995).

CREATE TABLE construction_progress_reports (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES construction_projects (id),
    reported_on DATE NOT NULL,
    overall BIGINT NOT NULL CHECK (overall BETWEEN 0 AND 1000),
    notes TEXT NOT NULL DEFAULT '',
    -- 倒退原因: why a figure went below the report before (empty otherwise)
    reason TEXT NOT NULL DEFAULT '',
    reported_by TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_progress_reports_project ON construction_progress_reports (project_id, reported_on, id);

CREATE TABLE construction_progress_items (
    report_id BIGINT NOT NULL REFERENCES construction_progress_reports (id),
    item TEXT NOT NULL CHECK (item IN ('foundation', 'main_structure', 'exterior_wall', 'interior_plaster', 'utilities', 'decoration', 'outdoor', 'equipment')),
    done BIGINT NOT NULL CHECK (done BETWEEN 0 AND 1000),
    PRIMARY KEY (report_id, item)
);

-- Photos live in the database, base64 text (both databases and the
-- backup's row format carry text alike), with a JPEG thumbnail made on
-- upload; the list pages read only the small columns.
CREATE TABLE construction_progress_photos (
    id {{ID}},
    report_id BIGINT NOT NULL REFERENCES construction_progress_reports (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    width BIGINT NOT NULL CHECK (width > 0),
    height BIGINT NOT NULL CHECK (height > 0),
    byte_size BIGINT NOT NULL CHECK (byte_size > 0),
    data TEXT NOT NULL,
    thumbnail TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_progress_photos_report ON construction_progress_photos (report_id);
