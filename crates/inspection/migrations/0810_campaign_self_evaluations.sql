-- 自评: an institution's self-evaluation in a campaign, created when it is
-- first saved. Its id is the stable subject of its evidence files
-- (inspection_evidence.subject = 'self_evaluation'); its answers and notes
-- by leaf code stay in inspection_targets.self_answers.
CREATE TABLE inspection_self_evaluations (
    id {{ID}},
    campaign_id BIGINT NOT NULL REFERENCES inspection_campaigns (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (campaign_id, institution_id)
);

-- 问题: what the inspectors found, by leaf code (JSON), noted with the
-- scores; a finding may become a rectification order.
ALTER TABLE inspection_targets ADD COLUMN findings TEXT NOT NULL DEFAULT '{}';

-- The inbox counts targets to score per campaign status.
CREATE INDEX inspection_campaigns_status ON inspection_campaigns (status, owner);
