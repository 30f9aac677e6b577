-- 名师工作室: a studio led by a 特级教师 or 学科带头人 (checked by the
-- service), hosted at the leader's institution, with members and
-- activities. The leader is not listed among the members.
CREATE TABLE teachers_studios (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL DEFAULT '',
    leader_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    founded_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX teachers_studios_institution ON teachers_studios (institution_id);
CREATE INDEX teachers_studios_leader ON teachers_studios (leader_id);

CREATE TABLE teachers_studio_members (
    studio_id BIGINT NOT NULL REFERENCES teachers_studios (id),
    staff_id BIGINT NOT NULL REFERENCES teachers_staff (id),
    joined_on DATE NOT NULL,
    PRIMARY KEY (studio_id, staff_id)
);
CREATE INDEX teachers_studio_members_staff ON teachers_studio_members (staff_id);

CREATE TABLE teachers_studio_activities (
    id {{ID}},
    studio_id BIGINT NOT NULL REFERENCES teachers_studios (id),
    held_on DATE NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('research', 'demonstration', 'lecture', 'mentoring', 'project')),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX teachers_studio_activities_studio ON teachers_studio_activities (studio_id, held_on);
