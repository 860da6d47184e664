-- The report board and opening a round at 100,000 tasks (issue 9).
--
-- 1. The board counts a quarter's reports per lead unit. Counting them at read time scanned the
--    quarter's ~90,000 index entries (and, right after a round was opened, the heap behind each,
--    until a vacuum): 221 ms for the statement alone. report_board_count holds the counts per
--    (year, quarter, unit), kept by triggers in the same statement (so the same transaction) as
--    every write that inserts, changes or deletes a report, whichever code path it comes from:
--    the board reads one row per unit. The counts follow boardCountsOf in packages/domain.
-- 2. Opening a round inserts ~90,000 empty drafts. The search-staleness triggers of 0004 marked
--    every one of their tasks stale, rewriting ~90,000 task_search rows and their GIN entries
--    (most of the 87.5 s the opening took) and leaving minutes of recomputation to the sweeper,
--    for reports that hold no text. A report's text is what the search reads, so now only a
--    report whose text (or task) changes marks its task stale.

CREATE TABLE "report_board_count" (
  "year" INTEGER NOT NULL,
  "quarter" INTEGER NOT NULL,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "expected" INTEGER NOT NULL DEFAULT 0,
  "submitted" INTEGER NOT NULL DEFAULT 0,
  "accepted" INTEGER NOT NULL DEFAULT 0,
  "returned" INTEGER NOT NULL DEFAULT 0,
  "late" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("year", "quarter", "unit_id")
);

INSERT INTO "report_board_count" ("year", "quarter", "unit_id", "expected", "submitted", "accepted", "returned", "late")
SELECT "year", "quarter", "unit_id", count(*),
       count(*) FILTER (WHERE "submission_count" > 0 OR "status" <> 'draft'),
       count(*) FILTER (WHERE "status" = 'accepted'),
       count(*) FILTER (WHERE "status" = 'returned'),
       count(*) FILTER (WHERE "late")
FROM "progress_report" GROUP BY "year", "quarter", "unit_id";

-- One function for the three events: the rows a statement added (+1) and removed (-1), summed per
-- (year, quarter, unit); an update that changes none of the counted facts (an autosave) writes
-- nothing. Counter rows are taken in key order, so two bulk writes cannot deadlock on them.
-- A transition table exists only for the events that have it, hence the arrays.
CREATE FUNCTION "report_board_count_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added "progress_report"[] := '{}';
  removed "progress_report"[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN added := ARRAY(SELECT n FROM "new_rows" n); END IF;
  IF TG_OP <> 'INSERT' THEN removed := ARRAY(SELECT o FROM "old_rows" o); END IF;
  INSERT INTO "report_board_count" AS c ("year", "quarter", "unit_id", "expected", "submitted", "accepted", "returned", "late")
  SELECT "year", "quarter", "unit_id", sum(n), sum(n * "submitted"), sum(n * "accepted"), sum(n * "returned"), sum(n * "late")
  FROM (
    SELECT "year", "quarter", "unit_id", n,
           ("submission_count" > 0 OR "status" <> 'draft')::int AS "submitted",
           ("status" = 'accepted')::int AS "accepted",
           ("status" = 'returned')::int AS "returned",
           "late"::int AS "late"
    FROM (SELECT *, 1 AS n FROM unnest(added) UNION ALL SELECT *, -1 AS n FROM unnest(removed)) AS rows
  ) AS d
  GROUP BY "year", "quarter", "unit_id"
  HAVING sum(n) <> 0 OR sum(n * "submitted") <> 0 OR sum(n * "accepted") <> 0 OR sum(n * "returned") <> 0 OR sum(n * "late") <> 0
  ORDER BY "year", "quarter", "unit_id"
  ON CONFLICT ("year", "quarter", "unit_id") DO UPDATE SET
    "expected" = c."expected" + EXCLUDED."expected",
    "submitted" = c."submitted" + EXCLUDED."submitted",
    "accepted" = c."accepted" + EXCLUDED."accepted",
    "returned" = c."returned" + EXCLUDED."returned",
    "late" = c."late" + EXCLUDED."late";
  RETURN NULL;
END $$;
-- The board no longer reads the reports; the index only slowed every insert and status change.
DROP INDEX "progress_report_board_idx";

-- Search staleness for reports: a task's terms include its reports' four texts
-- (modules/search/refresh-search-terms.ts), so a row counts only when one of them is not empty,
-- and an update only when the row's task or text differs from before (a row unchanged in those
-- appears once added and once removed, identical, and cancels out).
CREATE FUNCTION "progress_report_search_mark"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added "progress_report"[] := '{}';
  removed "progress_report"[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN added := ARRAY(SELECT n FROM "new_rows" n WHERE concat("progress_text", "outcomes_text", "problems", "next_steps") <> ''); END IF;
  IF TG_OP <> 'INSERT' THEN removed := ARRAY(SELECT o FROM "old_rows" o WHERE concat("progress_text", "outcomes_text", "problems", "next_steps") <> ''); END IF;
  IF cardinality(added) + cardinality(removed) = 0 THEN RETURN NULL; END IF;
  UPDATE "task_search" SET "stale" = true
  WHERE "task_id" IN (
    SELECT "task_id" FROM (
      SELECT "id", "task_id", "progress_text", "outcomes_text", "problems", "next_steps" FROM unnest(added)
      UNION ALL SELECT "id", "task_id", "progress_text", "outcomes_text", "problems", "next_steps" FROM unnest(removed)
    ) AS rows
    GROUP BY "id", "task_id", "progress_text", "outcomes_text", "problems", "next_steps" HAVING count(*) = 1
  ) AND NOT "stale";
  RETURN NULL;
END $$;
DROP TRIGGER "progress_report_search_on_insert" ON "progress_report";
DROP TRIGGER "progress_report_search_on_update" ON "progress_report";
DROP TRIGGER "progress_report_search_on_delete" ON "progress_report";

-- Both functions run after each statement that inserts, updates or deletes reports.
DO $$
DECLARE
  kept TEXT[];
BEGIN
  FOREACH kept SLICE 1 IN ARRAY ARRAY[['report_board_count', 'report_board_count_apply'], ['progress_report_search', 'progress_report_search_mark']] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON "progress_report" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION %I()', kept[1] || '_on_insert', kept[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON "progress_report" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION %I()', kept[1] || '_on_update', kept[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON "progress_report" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION %I()', kept[1] || '_on_delete', kept[2]);
  END LOOP;
END $$;
