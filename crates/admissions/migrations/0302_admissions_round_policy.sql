-- The year's admission policy (招生政策) as the bureau publishes it to
-- parents on the application portal, per round.
ALTER TABLE admissions_rounds ADD COLUMN policy TEXT NOT NULL DEFAULT '';
