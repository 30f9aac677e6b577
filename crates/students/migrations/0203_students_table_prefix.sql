-- Every table of the students area starts with `students`.
-- (Indexes keep their names; foreign keys follow the table on both
-- backends.)
ALTER TABLE enrolments RENAME TO students_enrolments;
ALTER TABLE transfers RENAME TO students_transfers;
ALTER TABLE children RENAME TO students_children;
ALTER TABLE dropout_cases RENAME TO students_dropout_cases;
ALTER TABLE home_visits RENAME TO students_home_visits;
ALTER TABLE left_behind_archive RENAME TO students_left_behind_archive;
ALTER TABLE care_records RENAME TO students_care_records;
