-- 整改通知书编号: each owner numbers its orders per year (督改〔2026〕3号);
-- `last` is the number given last. Taken inside the issuing transaction.
CREATE TABLE inspection_order_numbers (
    owner TEXT NOT NULL CHECK (owner IN ('supervision', 'private', 'safety')),
    year BIGINT NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (owner, year)
);

-- A number names one order (orders stored before numbering have '').
CREATE UNIQUE INDEX inspection_orders_number ON inspection_orders (owner, number) WHERE number <> '';

-- The overdue view (逾期): orders waiting on the institution, walked in
-- the list's order (deadline, id) so a page stops after its rows — over
-- every owner, or one owner's (each area's start page links to its own).
CREATE INDEX inspection_orders_waiting ON inspection_orders (deadline, id) WHERE status IN ('issued', 'reopened');
CREATE INDEX inspection_orders_waiting_owner ON inspection_orders (owner, deadline, id) WHERE status IN ('issued', 'reopened');
