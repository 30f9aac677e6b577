-- 师资库: the teachers a community school can call on, volunteers or paid.
CREATE TABLE community_teachers (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    speciality TEXT NOT NULL DEFAULT '',
    engagement TEXT NOT NULL CHECK (engagement IN ('volunteer', 'paid')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_teachers_institution ON community_teachers (institution_id);

-- A recognised outside certificate (职业资格证书 …) keeps its issuer, level
-- and own number; the area's own certificates leave them empty.
ALTER TABLE community_certificates ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE community_certificates ADD COLUMN level TEXT NOT NULL DEFAULT '';
ALTER TABLE community_certificates ADD COLUMN outside_number TEXT NOT NULL DEFAULT '';
CREATE INDEX community_certificates_session ON community_certificates (session_id, card_id);
CREATE INDEX community_attendance_session ON community_attendance (session_id, card_id);
CREATE INDEX community_enrolments_session ON community_enrolments (session_id, status);
