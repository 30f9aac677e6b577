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

-- The overdue view over every owner: open orders by deadline.
CREATE INDEX inspection_orders_due ON inspection_orders (status, deadline);
