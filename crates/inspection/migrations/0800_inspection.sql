-- Inspection (检查与整改): the frameworks, campaigns, scores and
-- rectification orders that supervision (督导), private education (民办)
-- and campus safety (校园安全) share. Every row names its owner area
-- ('supervision', 'private', 'safety'), whose sections write it. Points are
-- tenths (12.5 分 = 125). Each part adds its own tables in its own
-- migrations (frameworks 0801–0809, campaigns 0810–0819, orders 0820–0829).

-- 评估标准: one version of a framework; its indicator tree is the JSON of
-- `domain::Framework` (checked by `Framework::check` before it is saved).
-- A published version is frozen; a change is a new version.
CREATE TABLE inspection_frameworks (
    id {{ID}},
    owner TEXT NOT NULL CHECK (owner IN ('supervision', 'private', 'safety')),
    purpose TEXT NOT NULL CHECK (purpose IN ('development', 'special', 'annual_inspection', 'kindergarten_grading', 'safety_check')),
    name TEXT NOT NULL,
    year BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    body TEXT NOT NULL,
    total_points BIGINT NOT NULL,
    leaf_count BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (owner, name, year, version)
);

-- 督导评估/年检/检查: a campaign scores chosen institutions against one
-- framework version between two dates.
CREATE TABLE inspection_campaigns (
    id {{ID}},
    owner TEXT NOT NULL CHECK (owner IN ('supervision', 'private', 'safety')),
    framework_id BIGINT NOT NULL REFERENCES inspection_frameworks (id),
    title TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    lead_inspector TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX inspection_campaigns_owner ON inspection_campaigns (owner, starts_on);

-- 参评单位: one institution in a campaign, its inspector, its
-- self-evaluation and its result. `answers` is the JSON of the inspectors'
-- answers by leaf code; the result columns are set when it is scored.
CREATE TABLE inspection_targets (
    campaign_id BIGINT NOT NULL REFERENCES inspection_campaigns (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    inspector TEXT NOT NULL DEFAULT '',
    self_status TEXT NOT NULL DEFAULT 'pending' CHECK (self_status IN ('pending', 'draft', 'submitted')),
    self_answers TEXT NOT NULL DEFAULT '{}',
    self_submitted_at TIMESTAMPTZ,
    answers TEXT NOT NULL DEFAULT '{}',
    raw_points BIGINT,
    total_points BIGINT,
    band TEXT,
    vetoed_by TEXT NOT NULL DEFAULT '',
    scored_at TIMESTAMPTZ,
    scored_by BIGINT,
    PRIMARY KEY (campaign_id, institution_id)
);
CREATE INDEX inspection_targets_institution ON inspection_targets (institution_id);

-- 整改通知书: a finding ordered fixed by a deadline. Its source is a
-- campaign, a visit of a responsible inspector, a reported hazard or a
-- check; `source_id` is that record's id in its owner area.
CREATE TABLE inspection_orders (
    id {{ID}},
    owner TEXT NOT NULL CHECK (owner IN ('supervision', 'private', 'safety')),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    campaign_id BIGINT REFERENCES inspection_campaigns (id),
    source TEXT NOT NULL CHECK (source IN ('campaign', 'visit', 'hazard', 'check')),
    source_id BIGINT,
    number TEXT NOT NULL DEFAULT '',
    finding TEXT NOT NULL,
    requirement TEXT NOT NULL DEFAULT '',
    responsible_person TEXT NOT NULL,
    deadline DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'responded', 'reopened', 'closed')),
    issued_by BIGINT,
    issued_on DATE NOT NULL,
    closed_on DATE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX inspection_orders_open ON inspection_orders (owner, status, deadline);
CREATE INDEX inspection_orders_institution ON inspection_orders (institution_id, status);

-- 整改过程: what happened to an order after it was issued (response,
-- re-check passed or failed), in order.
CREATE TABLE inspection_order_events (
    id {{ID}},
    order_id BIGINT NOT NULL REFERENCES inspection_orders (id),
    event TEXT NOT NULL CHECK (event IN ('respond', 'close', 'reopen')),
    note TEXT NOT NULL DEFAULT '',
    new_deadline DATE,
    by_account BIGINT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX inspection_order_events_order ON inspection_order_events (order_id, id);

-- 佐证材料: a file attached to a record of this crate or of an area built on
-- it: `subject` names the kind of record ('self_evaluation',
-- 'order_response', 'order_recheck', or an area's own, e.g. 'hazard'),
-- `subject_id` its id. The file is stored base64, its type read from its
-- content.
CREATE TABLE inspection_evidence (
    id {{ID}},
    owner TEXT NOT NULL CHECK (owner IN ('supervision', 'private', 'safety')),
    institution_id BIGINT REFERENCES institutions (id),
    subject TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    indicator_code TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    uploaded_by BIGINT,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX inspection_evidence_subject ON inspection_evidence (subject, subject_id);
