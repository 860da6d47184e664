-- Supervision (督查整改): an inspection covers several tasks; a rectification item belongs to one
-- task (optional), is answered by its owner unit (responded) and closed or reopened by the
-- inspecting office. Reminders are logged once per (thing, recipient, day): the unique key is
-- what keeps two sweepers in two processes from sending the same reminder twice.
ALTER TYPE "RectificationStatus" ADD VALUE IF NOT EXISTS 'responded' BEFORE 'closed';

ALTER TABLE "app_user" ADD COLUMN "email" TEXT;

ALTER TABLE "inspection" ADD COLUMN "created_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "inspection_task" (
  "inspection_id" INTEGER NOT NULL REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  PRIMARY KEY ("inspection_id", "task_id")
);
CREATE INDEX "inspection_task_task_id_idx" ON "inspection_task"("task_id");
INSERT INTO "inspection_task" ("inspection_id", "task_id")
SELECT "id", "task_id" FROM "inspection" WHERE "task_id" IS NOT NULL;

ALTER TABLE "rectification_item"
  ADD COLUMN "task_id" INTEGER REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD COLUMN "response_note" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "responded_on" DATE,
  ADD COLUMN "reopen_reason" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "rectification_item" r SET "task_id" = i."task_id" FROM "inspection" i WHERE i."id" = r."inspection_id";
CREATE INDEX "rectification_item_task_id_idx" ON "rectification_item"("task_id");
CREATE INDEX "rectification_item_deadline_idx" ON "rectification_item"("deadline");

-- A task's light now depends on its open rectifications: mark every task for recomputation.
UPDATE "task" SET "light_as_of" = NULL;

CREATE TABLE "reminder_log" (
  "id" SERIAL PRIMARY KEY,
  "thing" TEXT NOT NULL,
  "recipient" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "kind" TEXT NOT NULL,
  "unit_id" INTEGER REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "task_id" INTEGER REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "subject" TEXT NOT NULL,
  "channels" TEXT NOT NULL DEFAULT '',
  "outcome" TEXT NOT NULL DEFAULT '',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "reminder_log_thing_recipient_day_key" ON "reminder_log"("thing", "recipient", "day");
CREATE INDEX "reminder_log_day_idx" ON "reminder_log"("day");
