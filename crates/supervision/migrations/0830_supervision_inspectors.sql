-- 责任督学挂牌督导: each institution's responsible inspector (责任督学) over
-- time, and the inspectors' visits (督导记录). An inspector is an account
-- with the 督学 role, or an external inspector known by name and phone.
-- The current assignment of an institution is the one without an end date;
-- a new assignment ends the previous one the day before it starts.
CREATE TABLE supervision_assignments (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    account_id BIGINT REFERENCES users (id),
    inspector_name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    starts_on DATE NOT NULL,
    ends_on DATE,
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX supervision_assignments_institution ON supervision_assignments (institution_id, starts_on);
CREATE INDEX supervision_assignments_account ON supervision_assignments (account_id, ends_on);

-- 督导记录: one visit of a responsible inspector to an institution, its
-- focus (督导重点), findings and suggestions; a finding that must be fixed
-- becomes a rectification order (`order_id`, source 'visit').
CREATE TABLE supervision_visits (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    account_id BIGINT,
    inspector_name TEXT NOT NULL,
    visited_on DATE NOT NULL,
    focus TEXT NOT NULL,
    findings TEXT NOT NULL DEFAULT '',
    suggestions TEXT NOT NULL DEFAULT '',
    order_id BIGINT REFERENCES inspection_orders (id),
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_visits_institution ON supervision_visits (institution_id, visited_on);
CREATE INDEX supervision_visits_day ON supervision_visits (visited_on);
