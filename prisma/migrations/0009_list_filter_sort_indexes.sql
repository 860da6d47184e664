-- The task list filters by list, light, status, year and field and sorts by code (unique, the
-- default) or deadline. An index that leads with the filter's columns and ends with the sort
-- column finds a page by reading just that page; without it PostgreSQL walks the code index and
-- throws away every row of other lists or lights (28,500 rows for 20 red pilots at 100,000
-- tasks). The single-column filter indexes are replaced by their (filter, code) forms.
DROP INDEX "task_light_idx";
DROP INDEX "task_year_idx";
DROP INDEX "task_field_idx";
CREATE INDEX "task_light_code_idx" ON "task"("light", "code");
CREATE INDEX "task_year_code_idx" ON "task"("year", "code");
CREATE INDEX "task_field_code_idx" ON "task"("field", "code");
CREATE INDEX "task_status_code_idx" ON "task"("status", "code");
CREATE INDEX "task_list_code_idx" ON "task"("list", "code");
CREATE INDEX "task_list_light_code_idx" ON "task"("list", "light", "code");
CREATE INDEX "task_list_deadline_id_idx" ON "task"("list", "deadline", "id");
