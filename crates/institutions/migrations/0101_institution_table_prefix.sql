-- Every table of the institutions area starts with `institution`.
-- (Indexes keep their names; foreign keys follow the table on both
-- backends.)
ALTER TABLE designations RENAME TO institution_designations;
ALTER TABLE unlicensed_tracking RENAME TO institution_unlicensed_tracking;
