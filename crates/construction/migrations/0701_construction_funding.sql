-- Construction projects (基建项目): what a new school will be registered
-- under when delivered (name, 办学类型, 学校标识码), and the project's funding: budget lines by source,
-- contracts and the payments against them. Money in whole yuan (元).

ALTER TABLE construction_projects ADD COLUMN school_name TEXT NOT NULL DEFAULT '';
ALTER TABLE construction_projects ADD COLUMN school_type TEXT NOT NULL DEFAULT '';
ALTER TABLE construction_projects ADD COLUMN school_code TEXT NOT NULL DEFAULT '';

-- 预算: one line per source of money.
CREATE TABLE construction_budget_lines (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES construction_projects (id),
    source TEXT NOT NULL CHECK (source IN ('central', 'province', 'city', 'district', 'self_raised')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_budget_lines_project ON construction_budget_lines (project_id);

-- 合同: a contract of the project with another party.
CREATE TABLE construction_contracts (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES construction_projects (id),
    party TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    amount BIGINT NOT NULL CHECK (amount > 0),
    signed_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_contracts_project ON construction_contracts (project_id);

-- 付款: payments against a contract; their sum never exceeds its amount.
CREATE TABLE construction_payments (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES construction_contracts (id),
    paid_on DATE NOT NULL,
    amount BIGINT NOT NULL CHECK (amount > 0),
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_payments_contract ON construction_payments (contract_id);
