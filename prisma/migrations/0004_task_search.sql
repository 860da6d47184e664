-- Chinese keyword search that stays fast at 100,000 tasks: one row per task holding the search
-- terms of all its text (title, code, task book, comments, quarterly reports), GIN-indexed.
-- The terms are computed by the application (packages/domain/src/search-terms.ts); these
-- triggers only mark a task's row stale when any of its text changes, so no write path can
-- forget it. Stale rows are recomputed before every search and by the background sweeper.

CREATE TABLE "task_search" (
  "task_id" INTEGER PRIMARY KEY REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "terms" TEXT[] NOT NULL DEFAULT '{}',
  "stale" BOOLEAN NOT NULL DEFAULT true
);
CREATE INDEX "task_search_terms_idx" ON "task_search" USING GIN ("terms");
CREATE INDEX "task_search_stale_idx" ON "task_search"("stale");
-- No statistics on the terms: with them the planner reads a common word such as 改革 (in nearly
-- every task) by scanning the whole table, detoasting every row's terms (seconds at 100,000
-- tasks), where the GIN index answers in milliseconds for common and rare terms alike.
ALTER TABLE "task_search" ALTER COLUMN "terms" SET STATISTICS 0;

INSERT INTO "task_search" ("task_id") SELECT "id" FROM "task";

CREATE FUNCTION "task_search_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "task_search" ("task_id") SELECT "id" FROM "changed_rows" ON CONFLICT ("task_id") DO UPDATE SET "stale" = true;
  RETURN NULL;
END $$;

CREATE FUNCTION "task_search_mark_task"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "task_search" SET "stale" = true WHERE "task_id" = NEW."id" AND NOT "stale";
  RETURN NULL;
END $$;

-- For the tables whose rows belong to a task through "task_id".
CREATE FUNCTION "task_search_mark_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "task_search" SET "stale" = true
  WHERE "task_id" IN (SELECT DISTINCT "task_id" FROM "changed_rows") AND NOT "stale";
  RETURN NULL;
END $$;

CREATE TRIGGER "task_search_on_insert" AFTER INSERT ON "task"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_add"();
CREATE TRIGGER "task_search_on_update" AFTER UPDATE OF "title", "code", "objective", "acceptance_criteria" ON "task"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."code" IS DISTINCT FROM NEW."code"
        OR OLD."objective" IS DISTINCT FROM NEW."objective" OR OLD."acceptance_criteria" IS DISTINCT FROM NEW."acceptance_criteria")
  EXECUTE FUNCTION "task_search_mark_task"();

-- A transition table allows one event per trigger, hence three per table.
DO $$
DECLARE
  child TEXT;
BEGIN
  FOREACH child IN ARRAY ARRAY['task_measure', 'task_outcome', 'task_source_document', 'task_comment', 'progress_report'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_mark_rows"()', child || '_search_on_insert', child);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_mark_rows"()', child || '_search_on_update', child);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_mark_rows"()', child || '_search_on_delete', child);
  END LOOP;
END $$;

-- The trigram indexes served the earlier ILIKE search, which this replaces.
DROP INDEX "task_title_trgm_idx";
DROP INDEX "task_objective_trgm_idx";
DROP INDEX "progress_report_progress_text_trgm_idx";
DROP INDEX "task_comment_body_trgm_idx";
