-- Every table of the admissions area starts with `admissions_`.
-- (Indexes keep their names; foreign keys follow the table on both
-- backends.)
ALTER TABLE admission_rounds RENAME TO admissions_rounds;
ALTER TABLE round_schools RENAME TO admissions_round_schools;
ALTER TABLE catchments RENAME TO admissions_catchments;
ALTER TABLE applications RENAME TO admissions_applications;
ALTER TABLE application_choices RENAME TO admissions_application_choices;
ALTER TABLE allocation_runs RENAME TO admissions_allocation_runs;
ALTER TABLE allocation_results RENAME TO admissions_allocation_results;
ALTER TABLE appeals RENAME TO admissions_appeals;
