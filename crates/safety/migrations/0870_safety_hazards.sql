-- 隐患: a hazard reported by a school or found in a safety check (a
-- campaign of owner 'safety'). The 安全科 orders it fixed once: `order_id`
-- is its rectification order (整改通知书), whose status is the hazard's.
CREATE TABLE safety_hazards (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    category TEXT NOT NULL CHECK (category IN ('fire', 'building', 'traffic', 'food', 'surroundings', 'equipment', 'other')),
    risk_level TEXT NOT NULL CHECK (risk_level IN ('general', 'major', 'severe')),
    location TEXT NOT NULL,
    description TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('report', 'check')),
    campaign_id BIGINT REFERENCES inspection_campaigns (id),
    found_on DATE NOT NULL,
    reported_by BIGINT,
    order_id BIGINT REFERENCES inspection_orders (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK ((origin = 'check') = (campaign_id IS NOT NULL))
);
CREATE INDEX safety_hazards_institution ON safety_hazards (institution_id, found_on);
CREATE INDEX safety_hazards_order ON safety_hazards (order_id);
