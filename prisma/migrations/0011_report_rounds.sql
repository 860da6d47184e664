-- Quarterly reporting rounds (一季度一报): the reform office opens a round for a quarter and its
-- scope (the city, or a county's subtree); opening creates one report per task active in the
-- quarter. At most one round per quarter and scope: the unique index decides between two
-- offices opening at once.
CREATE TABLE "report_round" (
  "id" SERIAL PRIMARY KEY,
  "year" INTEGER NOT NULL,
  "quarter" INTEGER NOT NULL,
  "scope_unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "scope_path" TEXT NOT NULL,
  "due_date" DATE NOT NULL,
  "opened_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_count" INTEGER NOT NULL DEFAULT 0,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX "report_round_year_quarter_scope_unit_id_key" ON "report_round"("year", "quarter", "scope_unit_id");

ALTER TABLE "progress_report"
  ADD COLUMN "round_id" INTEGER REFERENCES "report_round"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD COLUMN "due_date" DATE,
  ADD COLUMN "late" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "submission_count" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "first_submitted_at" TIMESTAMPTZ(3),
  ADD COLUMN "percent_reason" TEXT NOT NULL DEFAULT '';

-- Reports handed in before this migration count as submitted once, when they were.
UPDATE "progress_report" SET "submission_count" = 1, "first_submitted_at" = "submitted_at"
WHERE "status" <> 'draft' AND "submitted_at" IS NOT NULL;

-- The board counts a quarter's reports per unit from this index alone.
CREATE INDEX "progress_report_board_idx" ON "progress_report"("year", "quarter", "unit_id", "status", "late", "submission_count");
CREATE INDEX "progress_report_round_id_idx" ON "progress_report"("round_id");

-- Every submitted version of a report is kept, so the reviewer sees what changed.
CREATE TABLE "progress_report_version" (
  "id" SERIAL PRIMARY KEY,
  "report_id" INTEGER NOT NULL REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "seq" INTEGER NOT NULL,
  "progress_text" TEXT NOT NULL,
  "outcomes_text" TEXT NOT NULL,
  "problems" TEXT NOT NULL,
  "next_steps" TEXT NOT NULL,
  "percent_complete" INTEGER NOT NULL,
  "percent_reason" TEXT NOT NULL DEFAULT '',
  "late" BOOLEAN NOT NULL DEFAULT false,
  "submitted_at" TIMESTAMPTZ(3) NOT NULL,
  "submitted_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "review_status" "ReportStatus",
  "review_comment" TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX "progress_report_version_report_id_seq_key" ON "progress_report_version"("report_id", "seq");

-- Cooperating units add their own section to the lead unit's report.
CREATE TABLE "report_contribution" (
  "id" SERIAL PRIMARY KEY,
  "report_id" INTEGER NOT NULL REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "text" TEXT NOT NULL DEFAULT '',
  "updated_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX "report_contribution_report_id_unit_id_key" ON "report_contribution"("report_id", "unit_id");
