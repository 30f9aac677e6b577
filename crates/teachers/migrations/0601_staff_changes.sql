-- 信息变更审核: every change to a staff record, as in the national teacher
-- system. A change an institution makes waits here (pending) until 人事科
-- or leadership approves or rejects it; a bureau change is stored approved
-- at once. Approved rows, with the record before and after, are the
-- record's history.
CREATE TABLE teachers_staff_changes (
    id {{ID}},
    -- NULL while a proposed new record waits for approval.
    staff_id BIGINT REFERENCES teachers_staff (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update')),
    name TEXT NOT NULL,
    -- The version of the record the change was made against (updates).
    base_version BIGINT,
    before_json TEXT,
    after_json TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    submitted_by TEXT NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    decided_by TEXT,
    decided_at TIMESTAMPTZ,
    comment TEXT NOT NULL DEFAULT '',
    CHECK (kind = 'create' OR staff_id IS NOT NULL),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX teachers_staff_changes_queue ON teachers_staff_changes (status, institution_id);
CREATE INDEX teachers_staff_changes_staff ON teachers_staff_changes (staff_id, status);
