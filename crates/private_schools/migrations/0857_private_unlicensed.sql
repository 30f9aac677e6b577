-- 无证幼儿园: unlicensed kindergartens found in the district. They are not
-- institutions of the registry; the bureau tracks them from discovery
-- (排查发现) through rectification (整改中) to an end: banned (取缔),
-- made compliant (转为合规) or stopped by the operator (停办).
CREATE TABLE private_unlicensed (
    id {{ID}},
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    township_id BIGINT NOT NULL REFERENCES townships (id),
    operator TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    children BIGINT NOT NULL DEFAULT 0 CHECK (children >= 0),
    found_on DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'found' CHECK (status IN ('found', 'rectifying', 'banned', 'compliant', 'stopped')),
    deadline DATE,
    rectifying_since DATE,
    ended_on DATE,
    placement TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (name, township_id)
);
CREATE INDEX private_unlicensed_status ON private_unlicensed (status, deadline);

-- 走访记录: a visit to an unlicensed kindergarten; photos are evidence files
-- of the inspection mechanism (subject 'unlicensed_visit').
CREATE TABLE private_unlicensed_visits (
    id {{ID}},
    unlicensed_id BIGINT NOT NULL REFERENCES private_unlicensed (id),
    visited_on DATE NOT NULL,
    visitor TEXT NOT NULL,
    found TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX private_unlicensed_visits_of ON private_unlicensed_visits (unlicensed_id, visited_on);
