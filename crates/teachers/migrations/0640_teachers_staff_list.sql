-- 教职工名单 (the staff list): where each person works now, kept on the
-- staff row so the list scopes, filters and sorts on indexed columns of one
-- table.
--
-- workplace_id is the institution of the open posting (teachers_postings,
-- ends_on IS NULL) when it is one of the district's institutions: a school
-- sees the teachers who work there now, 支教 and 交流轮岗 arrivals included,
-- and not its own teachers while they work elsewhere. Without such a
-- posting (none yet, posted outside the district, left or retired) it is
-- the employing institution (人事关系, teachers_staff.institution_id).
-- Triggers keep it current whoever writes postings or records.
ALTER TABLE teachers_staff ADD COLUMN workplace_id BIGINT REFERENCES institutions (id);

UPDATE teachers_staff SET workplace_id = COALESCE(
    (SELECT p.institution_id FROM teachers_postings p
      WHERE p.staff_id = teachers_staff.id AND p.ends_on IS NULL),
    institution_id);

-- @sqlite
CREATE TRIGGER teachers_staff_workplace_insert AFTER INSERT ON teachers_staff
WHEN NEW.workplace_id IS NULL
BEGIN
    UPDATE teachers_staff SET workplace_id = NEW.institution_id WHERE id = NEW.id;
END;
CREATE TRIGGER teachers_staff_workplace_employer AFTER UPDATE OF institution_id ON teachers_staff
BEGIN
    UPDATE teachers_staff SET workplace_id = COALESCE(
        (SELECT p.institution_id FROM teachers_postings p
          WHERE p.staff_id = NEW.id AND p.ends_on IS NULL), NEW.institution_id)
     WHERE id = NEW.id;
END;
-- A new open posting at the institution already recorded (the usual
-- first appointment) changes nothing and is not rewritten.
CREATE TRIGGER teachers_postings_workplace_insert AFTER INSERT ON teachers_postings
WHEN NEW.ends_on IS NOT NULL OR NEW.institution_id IS NULL
  OR NEW.institution_id IS NOT (SELECT workplace_id FROM teachers_staff WHERE id = NEW.staff_id)
BEGIN
    UPDATE teachers_staff SET workplace_id = COALESCE(
        (SELECT p.institution_id FROM teachers_postings p
          WHERE p.staff_id = NEW.staff_id AND p.ends_on IS NULL), institution_id)
     WHERE id = NEW.staff_id;
END;
CREATE TRIGGER teachers_postings_workplace_update AFTER UPDATE ON teachers_postings
BEGIN
    UPDATE teachers_staff SET workplace_id = COALESCE(
        (SELECT p.institution_id FROM teachers_postings p
          WHERE p.staff_id = teachers_staff.id AND p.ends_on IS NULL), institution_id)
     WHERE id IN (NEW.staff_id, OLD.staff_id);
END;
CREATE TRIGGER teachers_postings_workplace_delete AFTER DELETE ON teachers_postings
BEGIN
    UPDATE teachers_staff SET workplace_id = COALESCE(
        (SELECT p.institution_id FROM teachers_postings p
          WHERE p.staff_id = OLD.staff_id AND p.ends_on IS NULL), institution_id)
     WHERE id = OLD.staff_id;
END;
-- @end

-- @postgres
CREATE FUNCTION teachers_staff_workplace(staff BIGINT, employer BIGINT) RETURNS BIGINT AS $$
    SELECT COALESCE(
        (SELECT p.institution_id FROM teachers_postings p
          WHERE p.staff_id = staff AND p.ends_on IS NULL), employer);
$$ LANGUAGE sql STABLE;

CREATE FUNCTION teachers_staff_workplace_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.workplace_id := COALESCE(NEW.workplace_id, NEW.institution_id);
    ELSE
        NEW.workplace_id := teachers_staff_workplace(NEW.id, NEW.institution_id);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER teachers_staff_workplace BEFORE INSERT OR UPDATE OF institution_id ON teachers_staff
    FOR EACH ROW EXECUTE FUNCTION teachers_staff_workplace_row();

CREATE FUNCTION teachers_postings_workplace() RETURNS trigger AS $$
BEGIN
    -- Rows whose workplace stays the same are not rewritten.
    IF TG_OP <> 'INSERT' THEN
        UPDATE teachers_staff SET workplace_id = teachers_staff_workplace(id, institution_id)
         WHERE id = OLD.staff_id
           AND workplace_id IS DISTINCT FROM teachers_staff_workplace(id, institution_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE teachers_staff SET workplace_id = teachers_staff_workplace(id, institution_id)
         WHERE id = NEW.staff_id
           AND workplace_id IS DISTINCT FROM teachers_staff_workplace(id, institution_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER teachers_postings_workplace AFTER INSERT OR UPDATE OR DELETE ON teachers_postings
    FOR EACH ROW EXECUTE FUNCTION teachers_postings_workplace();
-- @end

-- The list: a school's staff by name; the district's by name (the name
-- index of 0600); the selective filters each with their own index, so a
-- page reads few rows. Each ends with id, the list's tie-break, so
-- PostgreSQL reads a page in order without sorting (SQLite has it anyway).
CREATE INDEX teachers_staff_workplace ON teachers_staff (workplace_id, status, name, id);
CREATE INDEX teachers_staff_backbone ON teachers_staff (backbone_level, name, id) WHERE backbone_level IS NOT NULL;
CREATE INDEX teachers_staff_title ON teachers_staff (title_level, name, id);
CREATE INDEX teachers_staff_stage ON teachers_staff (stage, name, id);
CREATE INDEX teachers_staff_establishment ON teachers_staff (establishment, name, id);
