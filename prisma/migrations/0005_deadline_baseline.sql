-- The task's own deadline (完成时限) gets a frozen baseline like its milestones: set when the
-- reform office approves the timetable, never moved by an approved adjustment afterwards.
ALTER TABLE "task" ADD COLUMN "baseline_deadline" DATE;

-- Tasks approved before this column existed: the deadline the earliest approved adjustment
-- moved away from, when there is one, else the deadline as it stands.
UPDATE "task" t
SET "baseline_deadline" = COALESCE(
  (SELECT (a."proposed" -> 'deadline' ->> 'from')::date
   FROM "adjustment_request" a
   WHERE a."task_id" = t."id" AND a."status" = 'approved' AND a."proposed" ? 'deadline'
   ORDER BY a."decided_at", a."id"
   LIMIT 1),
  t."deadline")
WHERE t."baseline_approved_at" IS NOT NULL;
