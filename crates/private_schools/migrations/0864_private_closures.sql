-- 终止办学: the closure of a private institution. Opened with the decision,
-- it lists the pupils enrolled at that time; each pupil gets a destination
-- (an institution of the registry, or a note for one outside the
-- district). It is final once every pupil is placed, and then the
-- institution is closed in the registry.
CREATE TABLE private_closures (
    id {{ID}},
    institution_id BIGINT NOT NULL UNIQUE REFERENCES institutions (id),
    decided_on DATE NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'final')),
    finalised_on DATE,
    version BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE private_closure_pupils (
    closure_id BIGINT NOT NULL REFERENCES private_closures (id),
    student_id BIGINT NOT NULL REFERENCES students (id),
    grade BIGINT NOT NULL,
    destination_id BIGINT REFERENCES institutions (id),
    destination_note TEXT NOT NULL DEFAULT '',
    placed_at TIMESTAMPTZ,
    PRIMARY KEY (closure_id, student_id)
);
