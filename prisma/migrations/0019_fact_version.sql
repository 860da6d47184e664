-- The fact version: one number that every committed write of a fact the figures read moves on.
-- The dashboard, the ranking draft, the battle map and the quarterly report key what they have
-- computed by it (apps/api/src/modules/fact-version.ts), so reading it is one indexed row, not a
-- scan of every table.
--
-- A statement on a fact table (any path, even plain SQL or COPY) records its transaction in
-- `fact_change` (one row per transaction, no lock shared with other writers); a deferred trigger
-- on that row bumps `fact_version` when the transaction commits and removes the row. The one
-- version row is therefore locked only for the moment of a commit, after every other lock the
-- transaction takes, and a rolled-back write changes nothing.
CREATE TABLE "fact_version" (
  "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "version" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "fact_version" ("id", "version") VALUES (1, 0);

CREATE TABLE "fact_change" (
  "tx" BIGINT NOT NULL PRIMARY KEY
);

CREATE FUNCTION fact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "fact_change" ("tx") VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION fact_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "fact_version" SET "version" = "version" + 1 WHERE "id" = 1;
  DELETE FROM "fact_change" WHERE "tx" = NEW."tx";
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER fact_version_bump AFTER INSERT ON "fact_change"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fact_version_bump();

-- Every table a figure, the ranking, the battle map, the assessment or the quarterly report reads.
-- Not: sessions, users, search terms, comments, reminders, the audit log, ledger layouts and the
-- report files themselves (the cache).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'unit', 'task', 'task_unit', 'task_cooperating_unit', 'task_measure', 'task_outcome', 'task_source_document',
    'milestone', 'pilot_detail', 'progress_report', 'report_round', 'progress_report_version', 'report_contribution',
    'evidence_file', 'inspection', 'rectification_item', 'inspection_task', 'assessment', 'assessment_item',
    'assessment_year', 'typical_case', 'adjustment_request', 'setting', 'ranking_version', 'ranking_appeal'
  ] LOOP
    EXECUTE format('CREATE TRIGGER fact_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION fact_changed()', t);
  END LOOP;
END $$;
