-- Nothing paid twice across runs, batches and programs: a run or an
-- approval checks each line against the ledger's approved and paid
-- payments of the same term (same program, or one declared 不可同时享受).
-- A line withheld for that reason is kept as a conflict naming the batch
-- that already paid the student; NULL for a clash inside one run.
ALTER TABLE aid_conflicts ADD COLUMN paid_batch_id BIGINT;
CREATE INDEX aid_conflicts_student ON aid_conflicts (batch_id, student_id);
