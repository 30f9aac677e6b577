-- 年检与等级验收结果: one row per institution, kind and year. The result
-- comes from a campaign's band (basis 'campaign') or is decided by the
-- bureau with a reason (basis 'decision'); a decision is never overwritten
-- by a campaign's band. `result` is 'qualified', 'basic' or 'unqualified'
-- for 年检, a grade key ('first', 'second', 'third', 'none') for 等级验收.
CREATE TABLE private_results (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('annual', 'grading')),
    year BIGINT NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    campaign_id BIGINT REFERENCES inspection_campaigns (id),
    result TEXT NOT NULL,
    basis TEXT NOT NULL CHECK (basis IN ('campaign', 'decision')),
    reason TEXT NOT NULL DEFAULT '',
    order_id BIGINT REFERENCES inspection_orders (id),
    version BIGINT NOT NULL DEFAULT 1,
    decided_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, year, institution_id)
);
CREATE INDEX private_results_institution ON private_results (institution_id, kind, year);
