-- Lists check for tasks whose status light is stale before every read; without an index that
-- check scans the whole task table.
CREATE INDEX "task_light_as_of_idx" ON "task"("light_as_of");
