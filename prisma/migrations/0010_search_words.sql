-- Search by words (issue 7 B10): a task is also found by its lead and cooperating units' names
-- and its lead leader's name, and title matches rank first.
-- * title_terms: the terms of the title and code alone, read to rank a match whose title holds
--   every word above one found elsewhere.
-- * The triggers now also mark a task stale when its lead leader, lead unit or cooperating
--   units change, or when one of its units is renamed.
-- * The terms get planner statistics again: the list filters and pages through the GIN index
--   under a statement-local enable_seqscan = off (modules/search/search-tasks.ts), and with
--   the statistics the planner knows a common word (改革) from a rare one and pages a common
--   one by walking the sort order instead of joining every match.

ALTER TABLE "task_search" ADD COLUMN "title_terms" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "task_search" ALTER COLUMN "terms" SET STATISTICS -1;
-- Every row is recomputed (unit and leader names, title terms) by the next search or sweep.
UPDATE "task_search" SET "stale" = true;

DROP TRIGGER "task_search_on_update" ON "task";
CREATE TRIGGER "task_search_on_update" AFTER UPDATE OF "title", "code", "objective", "acceptance_criteria", "lead_leader", "lead_unit_id" ON "task"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."code" IS DISTINCT FROM NEW."code"
        OR OLD."objective" IS DISTINCT FROM NEW."objective" OR OLD."acceptance_criteria" IS DISTINCT FROM NEW."acceptance_criteria"
        OR OLD."lead_leader" IS DISTINCT FROM NEW."lead_leader" OR OLD."lead_unit_id" IS DISTINCT FROM NEW."lead_unit_id")
  EXECUTE FUNCTION "task_search_mark_task"();

CREATE TRIGGER "task_cooperating_unit_search_on_insert" AFTER INSERT ON "task_cooperating_unit"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_mark_rows"();
CREATE TRIGGER "task_cooperating_unit_search_on_update" AFTER UPDATE ON "task_cooperating_unit"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_mark_rows"();
CREATE TRIGGER "task_cooperating_unit_search_on_delete" AFTER DELETE ON "task_cooperating_unit"
  REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "task_search_mark_rows"();

-- A renamed unit: the tasks it leads or cooperates on (task_unit, indexed by unit and role).
CREATE FUNCTION "task_search_mark_unit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "task_search" SET "stale" = true
  WHERE "task_id" IN (SELECT "task_id" FROM "task_unit" WHERE "unit_id" = NEW."id" AND "role" IN ('lead', 'cooperating'))
    AND NOT "stale";
  RETURN NULL;
END $$;
CREATE TRIGGER "task_search_on_unit_rename" AFTER UPDATE OF "name", "short_name" ON "unit"
  FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."short_name" IS DISTINCT FROM NEW."short_name")
  EXECUTE FUNCTION "task_search_mark_unit"();
