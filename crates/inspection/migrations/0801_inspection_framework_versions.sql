-- Versions of a framework (评估标准): a new version is a draft copied from
-- a published one (`based_on`), so the lineage of a standard across years
-- can be followed. Lists filter by owner and year.
ALTER TABLE inspection_frameworks ADD COLUMN based_on BIGINT REFERENCES inspection_frameworks (id);
CREATE INDEX inspection_frameworks_owner_year ON inspection_frameworks (owner, year);
