-- 公开招聘: a year's plan with the weights of its written test and
-- interview, the posts it offers at each institution, and the applicants
-- with their scores. A hire becomes a staff record (staff_id).

CREATE TABLE teachers_recruitment_plans (
    id {{ID}},
    year BIGINT NOT NULL,
    name TEXT NOT NULL UNIQUE,
    written_weight BIGINT NOT NULL,
    interview_weight BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (written_weight BETWEEN 0 AND 100 AND interview_weight BETWEEN 0 AND 100),
    CHECK (written_weight + interview_weight = 100)
);

CREATE TABLE teachers_recruitment_posts (
    id {{ID}},
    plan_id BIGINT NOT NULL REFERENCES teachers_recruitment_plans (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    stage TEXT NOT NULL,
    subject TEXT NOT NULL,
    places BIGINT NOT NULL CHECK (places > 0),
    requirements TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX teachers_recruitment_posts_plan ON teachers_recruitment_posts (plan_id);
CREATE INDEX teachers_recruitment_posts_institution ON teachers_recruitment_posts (institution_id);

-- Scores in hundredths of a point (85.5 is 8550). One application per
-- person and plan.
CREATE TABLE teachers_recruitment_applicants (
    id {{ID}},
    plan_id BIGINT NOT NULL REFERENCES teachers_recruitment_plans (id),
    post_id BIGINT NOT NULL REFERENCES teachers_recruitment_posts (id),
    name TEXT NOT NULL,
    national_id TEXT NOT NULL,
    education TEXT NOT NULL,
    certificate_type TEXT NOT NULL,
    certificate_subject TEXT NOT NULL,
    written_score BIGINT CHECK (written_score BETWEEN 0 AND 10000),
    interview_score BIGINT CHECK (interview_score BETWEEN 0 AND 10000),
    staff_id BIGINT REFERENCES teachers_staff (id),
    hired_on DATE,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (plan_id, national_id),
    CHECK ((staff_id IS NULL) = (hired_on IS NULL))
);
CREATE INDEX teachers_recruitment_applicants_post ON teachers_recruitment_applicants (post_id);
CREATE INDEX teachers_recruitment_applicants_hired ON teachers_recruitment_applicants (hired_on) WHERE hired_on IS NOT NULL;
