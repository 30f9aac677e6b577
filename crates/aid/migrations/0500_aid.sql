-- Student aid (学生资助). Programs are data; a run computes a batch of
-- ledger rows; once a batch is approved its rows never change again
-- (corrections are new reversing rows), enforced by the triggers below.
CREATE TABLE aid_programs (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    funding_source TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL CHECK (period IN ('year', 'term', 'week', 'day')),
    stages TEXT NOT NULL,
    amounts_json TEXT NOT NULL,
    conditions_json TEXT NOT NULL,
    incompatible_json TEXT NOT NULL DEFAULT '[]',
    budget BIGINT NOT NULL DEFAULT 0 CHECK (budget >= 0),
    needs_application BOOLEAN NOT NULL DEFAULT FALSE,
    documents TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- A disbursement batch: one term's eligibility run, or a correction.
CREATE TABLE aid_batches (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('run', 'correction')),
    term BIGINT NOT NULL,
    starts_on DATE NOT NULL,
    census_date DATE NOT NULL,
    weeks BIGINT NOT NULL,
    school_days BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'paid', 'discarded')),
    students_scanned BIGINT NOT NULL DEFAULT 0,
    row_count BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    conflict_count BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    approved_by TEXT,
    approved_at TIMESTAMPTZ,
    paid_by TEXT,
    paid_at TIMESTAMPTZ
);
CREATE INDEX aid_batches_term ON aid_batches (term, status);

CREATE TABLE aid_batch_programs (
    batch_id BIGINT NOT NULL REFERENCES aid_batches (id),
    program_id BIGINT NOT NULL REFERENCES aid_programs (id),
    PRIMARY KEY (batch_id, program_id)
);

-- The distinct "why" texts (学段与满足的条件), shared by ledger rows.
CREATE TABLE aid_reasons (
    id {{ID}},
    text TEXT NOT NULL UNIQUE
);

-- The ledger. student_id and institution_id carry no foreign key: rows are
-- written in bulk from the students table in the same transaction, and a
-- key check per row would double the write time of a run.
CREATE TABLE aid_ledger (
    id {{ID}},
    batch_id BIGINT NOT NULL REFERENCES aid_batches (id),
    program_id BIGINT NOT NULL REFERENCES aid_programs (id),
    student_id BIGINT NOT NULL,
    term BIGINT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'reversal')),
    occurrence BIGINT NOT NULL DEFAULT 0 CHECK (occurrence >= 0),
    reverses_id BIGINT REFERENCES aid_ledger (id),
    institution_id BIGINT NOT NULL,
    grade BIGINT NOT NULL,
    units BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    reason_id BIGINT NOT NULL,
    CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
    CHECK ((kind = 'payment' AND amount >= 0) OR (kind = 'reversal' AND amount <= 0))
);
-- Nothing paid twice: one payment per program, student and term, unless the
-- earlier one was reversed (then the next occurrence may be paid).
CREATE UNIQUE INDEX aid_ledger_once ON aid_ledger (program_id, student_id, term, occurrence) WHERE kind = 'payment';
-- Not partial: NULLs are distinct, and the foreign key check of a delete
-- (of a draft's rows) needs an index on reverses_id.
CREATE UNIQUE INDEX aid_ledger_reversed_once ON aid_ledger (reverses_id);
CREATE INDEX aid_ledger_batch ON aid_ledger (batch_id);
CREATE INDEX aid_ledger_student ON aid_ledger (student_id);

-- Students who qualified for programs that cannot be combined.
CREATE TABLE aid_conflicts (
    batch_id BIGINT NOT NULL REFERENCES aid_batches (id),
    student_id BIGINT NOT NULL,
    kept_program_id BIGINT NOT NULL,
    dropped_program_id BIGINT NOT NULL
);
CREATE INDEX aid_conflicts_batch ON aid_conflicts (batch_id);

-- Individual applications (帮困助学金, 生源地信用助学贷款).
CREATE TABLE aid_applications (
    id {{ID}},
    program_id BIGINT NOT NULL REFERENCES aid_programs (id),
    student_id BIGINT NOT NULL REFERENCES students (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    term BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'school_approved', 'approved', 'rejected')),
    statement TEXT NOT NULL DEFAULT '',
    documents TEXT NOT NULL DEFAULT '',
    submitted_by TEXT NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    reviewed_by TEXT,
    reviewed_at TIMESTAMPTZ,
    decided_by TEXT,
    decided_at TIMESTAMPTZ,
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX aid_applications_once ON aid_applications (program_id, student_id, term) WHERE status <> 'rejected';
CREATE INDEX aid_applications_institution ON aid_applications (institution_id, status);

-- @sqlite
CREATE TRIGGER aid_ledger_no_update BEFORE UPDATE ON aid_ledger
BEGIN
    SELECT RAISE(ABORT, 'aid_ledger rows are immutable: correct with a reversing row');
END;
CREATE TRIGGER aid_ledger_no_delete BEFORE DELETE ON aid_ledger
WHEN (SELECT status FROM aid_batches WHERE id = OLD.batch_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'aid_ledger rows of an approved batch are immutable');
END;
CREATE TRIGGER aid_ledger_insert_draft BEFORE INSERT ON aid_ledger
WHEN (SELECT status FROM aid_batches WHERE id = NEW.batch_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'aid_ledger rows may only be added to a draft batch');
END;
CREATE TRIGGER aid_ledger_reissue BEFORE INSERT ON aid_ledger
WHEN NEW.kind = 'payment' AND NEW.occurrence > 0 AND NOT EXISTS (
    SELECT 1 FROM aid_ledger p JOIN aid_ledger r ON r.reverses_id = p.id AND r.kind = 'reversal'
    WHERE p.kind = 'payment' AND p.program_id = NEW.program_id AND p.student_id = NEW.student_id
      AND p.term = NEW.term AND p.occurrence = NEW.occurrence - 1)
BEGIN
    SELECT RAISE(ABORT, 'aid_ledger: a payment may be reissued only after the previous one was reversed');
END;
CREATE TRIGGER aid_batches_status BEFORE UPDATE ON aid_batches
WHEN NOT ((OLD.status = 'draft' AND NEW.status IN ('draft', 'approved', 'discarded'))
       OR (OLD.status = 'approved' AND NEW.status = 'paid' AND NEW.total = OLD.total))
BEGIN
    SELECT RAISE(ABORT, 'aid_batches: only draft -> approved -> paid');
END;
CREATE TRIGGER aid_batches_no_delete BEFORE DELETE ON aid_batches
BEGIN
    SELECT RAISE(ABORT, 'aid_batches are never deleted');
END;
-- @end
-- @postgres
CREATE FUNCTION aid_ledger_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'aid_ledger rows are immutable: correct with a reversing row';
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF (SELECT status FROM aid_batches WHERE id = OLD.batch_id) <> 'draft' THEN
            RAISE EXCEPTION 'aid_ledger rows of an approved batch are immutable';
        END IF;
        RETURN OLD;
    END IF;
    IF (SELECT status FROM aid_batches WHERE id = NEW.batch_id) <> 'draft' THEN
        RAISE EXCEPTION 'aid_ledger rows may only be added to a draft batch';
    END IF;
    IF NEW.kind = 'payment' AND NEW.occurrence > 0 AND NOT EXISTS (
        SELECT 1 FROM aid_ledger p JOIN aid_ledger r ON r.reverses_id = p.id AND r.kind = 'reversal'
        WHERE p.kind = 'payment' AND p.program_id = NEW.program_id AND p.student_id = NEW.student_id
          AND p.term = NEW.term AND p.occurrence = NEW.occurrence - 1) THEN
        RAISE EXCEPTION 'aid_ledger: a payment may be reissued only after the previous one was reversed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER aid_ledger_guard BEFORE INSERT OR UPDATE OR DELETE ON aid_ledger
    FOR EACH ROW EXECUTE FUNCTION aid_ledger_guard();
CREATE FUNCTION aid_ledger_no_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'aid_ledger is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER aid_ledger_no_truncate BEFORE TRUNCATE ON aid_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION aid_ledger_no_truncate();
CREATE FUNCTION aid_batches_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'aid_batches are never deleted';
    END IF;
    IF NOT ((OLD.status = 'draft' AND NEW.status IN ('draft', 'approved', 'discarded'))
         OR (OLD.status = 'approved' AND NEW.status = 'paid' AND NEW.total = OLD.total)) THEN
        RAISE EXCEPTION 'aid_batches: only draft -> approved -> paid';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER aid_batches_guard BEFORE UPDATE OR DELETE ON aid_batches
    FOR EACH ROW EXECUTE FUNCTION aid_batches_guard();
-- @end
