-- At most one pending adjustment request per task. The use case checks first, but two requests
-- sent at once both passed that check; the database now refuses the second. Earlier duplicates
-- (possible before this index) are refused, keeping the oldest pending request of each task.
UPDATE "adjustment_request" a
SET "status" = 'refused', "decision_comment" = '同一任务只能有一项待审批的调整申请', "version" = a."version" + 1
WHERE a."status" = 'pending'
  AND EXISTS (SELECT 1 FROM "adjustment_request" b WHERE b."task_id" = a."task_id" AND b."status" = 'pending' AND b."id" < a."id");

CREATE UNIQUE INDEX "adjustment_request_one_pending_key" ON "adjustment_request"("task_id") WHERE "status" = 'pending';
