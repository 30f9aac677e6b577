-- School buses (校车): one row per vehicle with its papers, its assigned
-- driver and its route. `first_expiry` is the earliest of the four
-- expiries (校车标牌, 年检, 保险, 驾驶证), kept by the service on every
-- write, so the expiry alerts are one indexed comparison.
CREATE TABLE safety_buses (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    plate TEXT NOT NULL UNIQUE,
    seats BIGINT NOT NULL CHECK (seats > 0),
    operator TEXT NOT NULL,
    permit_no TEXT NOT NULL,
    permit_expires DATE NOT NULL,
    inspection_expires DATE NOT NULL,
    insurance_expires DATE NOT NULL,
    driver_name TEXT NOT NULL,
    driver_class TEXT NOT NULL CHECK (driver_class IN ('A1', 'B1', 'C1')),
    driver_licence_expires DATE NOT NULL,
    driver_approved BOOLEAN NOT NULL,
    route TEXT NOT NULL DEFAULT '',
    pupils BIGINT NOT NULL DEFAULT 0 CHECK (pupils >= 0 AND pupils <= seats),
    first_expiry DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX safety_buses_institution ON safety_buses (institution_id);
CREATE INDEX safety_buses_first_expiry ON safety_buses (first_expiry);
