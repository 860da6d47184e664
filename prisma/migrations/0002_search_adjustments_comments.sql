-- Issue 3: Chinese search (trigram indexes, identical on PGlite and PostgreSQL), timetable
-- adjustment requests, comments that mention units, remembered ledger layouts.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "task_title_trgm_idx" ON "task" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "task_objective_trgm_idx" ON "task" USING GIN ("objective" gin_trgm_ops);
CREATE INDEX "progress_report_progress_text_trgm_idx" ON "progress_report" USING GIN ("progress_text" gin_trgm_ops);

ALTER TABLE "milestone" ADD COLUMN "done_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TYPE "AdjustmentStatus" AS ENUM ('pending', 'approved', 'refused');

CREATE TABLE "adjustment_request" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "requested_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "reason" TEXT NOT NULL,
  "proposed" JSONB NOT NULL,
  "status" "AdjustmentStatus" NOT NULL DEFAULT 'pending',
  "decided_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "decided_at" TIMESTAMPTZ(3),
  "decision_comment" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "adjustment_request_task_id_status_idx" ON "adjustment_request"("task_id", "status");
CREATE INDEX "adjustment_request_status_idx" ON "adjustment_request"("status");

CREATE TABLE "task_comment" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "author_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "body" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "task_comment_task_id_created_at_idx" ON "task_comment"("task_id", "created_at");
CREATE INDEX "task_comment_body_trgm_idx" ON "task_comment" USING GIN ("body" gin_trgm_ops);

CREATE TABLE "task_comment_mention" (
  "comment_id" INTEGER NOT NULL REFERENCES "task_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "done_at" TIMESTAMPTZ(3),
  PRIMARY KEY ("comment_id", "unit_id")
);
CREATE INDEX "task_comment_mention_unit_id_done_at_idx" ON "task_comment_mention"("unit_id", "done_at");

CREATE TABLE "ledger_layout" (
  "id" SERIAL PRIMARY KEY,
  "header_key" TEXT NOT NULL,
  "mapping" JSONB NOT NULL,
  "updated_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "ledger_layout_header_key_key" ON "ledger_layout"("header_key");
