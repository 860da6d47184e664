-- A special group's office (专项小组) signs in: it coordinates and supervises the tasks of its field,
-- records inspections on them and closes (销号) or reopens the rectification items they raise.
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'group_office' BEFORE 'unit_staff';

-- A rectification item need not name a task, yet its owner unit answers it with evidence: such a
-- file is kept against the item alone. Every file still belongs to a task or to an item.
ALTER TABLE "evidence_file" ALTER COLUMN "task_id" DROP NOT NULL;
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_owner_check"
  CHECK ("task_id" IS NOT NULL OR "rectification_item_id" IS NOT NULL);
CREATE INDEX "evidence_file_rectification_item_id_idx" ON "evidence_file"("rectification_item_id");
