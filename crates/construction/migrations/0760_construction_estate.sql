-- School estate (校舍·资产·采购): buildings with their safety grades, the
-- equipment and asset register with its transfers and disposals, and
-- procurement items with their joint acceptance. Areas are whole square
-- metres, money whole yuan (元), as in 0700.

-- 校舍: one building of an institution. A safety appraisal (安全鉴定) gives
-- a grade A–D (D = 危房) on a date; both are empty until the first
-- appraisal. A D-grade building is covered once it is linked to a 危房改造
-- project.
CREATE TABLE construction_buildings (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    name TEXT NOT NULL,
    floor_area BIGINT NOT NULL CHECK (floor_area > 0),
    year_built BIGINT,
    structure TEXT NOT NULL CHECK (structure IN ('brick_concrete', 'frame', 'steel', 'brick_wood', 'other')),
    floors BIGINT NOT NULL CHECK (floors >= 1),
    purpose TEXT NOT NULL CHECK (purpose IN ('teaching', 'dormitory', 'canteen', 'office', 'other')),
    grade TEXT CHECK (grade IN ('A', 'B', 'C', 'D')),
    appraised_on DATE,
    certificate TEXT NOT NULL CHECK (certificate IN ('held', 'pending', 'none')),
    certificate_no TEXT NOT NULL DEFAULT '',
    project_id BIGINT REFERENCES construction_projects (id),
    note TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (institution_id, name),
    CHECK ((grade IS NULL) = (appraised_on IS NULL))
);
CREATE INDEX construction_buildings_grade ON construction_buildings (grade);
CREATE INDEX construction_buildings_project ON construction_buildings (project_id);

-- 资产登记: one line of an institution's register, a category with a
-- count and its total value. Counts never go below zero.
CREATE TABLE construction_assets (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    category TEXT NOT NULL CHECK (category IN ('multimedia', 'computer', 'laboratory', 'books', 'ar_vr', 'sports', 'furniture', 'other')),
    name TEXT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity >= 0),
    value BIGINT NOT NULL CHECK (value >= 0),
    acquired_on DATE,
    note TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (institution_id, name)
);
CREATE INDEX construction_assets_category ON construction_assets (category);

-- 资产变动: a disposal (报废) or a transfer (调拨) to another institution,
-- with its approval and reason; the register lines change in the same
-- transaction.
CREATE TABLE construction_asset_movements (
    id {{ID}},
    asset_id BIGINT NOT NULL REFERENCES construction_assets (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    kind TEXT NOT NULL CHECK (kind IN ('disposal', 'transfer')),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    value BIGINT NOT NULL CHECK (value >= 0),
    to_institution_id BIGINT REFERENCES institutions (id),
    moved_on DATE NOT NULL,
    approved_by TEXT NOT NULL,
    approval_no TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'transfer') = (to_institution_id IS NOT NULL))
);
CREATE INDEX construction_asset_movements_asset ON construction_asset_movements (asset_id);
CREATE INDEX construction_asset_movements_institution ON construction_asset_movements (institution_id);

-- 采购: an item bought for an institution and delivered on a date.
CREATE TABLE construction_purchases (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('multimedia', 'computer', 'laboratory', 'books', 'ar_vr', 'sports', 'furniture', 'other')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    supplier TEXT NOT NULL,
    delivered_on DATE NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_purchases_institution ON construction_purchases (institution_id, delivered_on);

-- 联合验收: at most one acceptance per item (the primary key), so an item
-- is never accepted twice.
CREATE TABLE construction_acceptances (
    purchase_id BIGINT PRIMARY KEY REFERENCES construction_purchases (id),
    accepted_on DATE NOT NULL,
    members TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('pass', 'fail')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
