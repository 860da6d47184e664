-- The whole domain model. Mirrors prisma/schema.prisma (a test checks they agree).

CREATE TYPE "UnitKind" AS ENUM ('committee', 'reform_office', 'special_group', 'department', 'county', 'zone', 'town', 'leadership');
CREATE TYPE "Role" AS ENUM ('admin', 'county_office', 'unit_staff', 'leader');
CREATE TYPE "TaskList" AS ENUM ('mandate', 'pilot', 'innovation');
CREATE TYPE "TaskStatus" AS ENUM ('draft', 'active', 'suspended', 'completed', 'closed');
CREATE TYPE "TaskLevel" AS ENUM ('national', 'provincial', 'city', 'county');
CREATE TYPE "TaskPriority" AS ENUM ('normal', 'key', 'breakthrough');
-- Declared in order of severity so that sorting by light puts red first.
CREATE TYPE "Light" AS ENUM ('red', 'yellow', 'green', 'grey');
CREATE TYPE "OutcomeKind" AS ENUM ('institutional_document', 'replicable_experience', 'landmark', 'other');
CREATE TYPE "PilotStage" AS ENUM ('candidate', 'applied', 'confirmed', 'plan_approved', 'implementing', 'extended', 'self_evaluated', 'evaluated', 'promoted', 'terminated');
CREATE TYPE "ReportStatus" AS ENUM ('draft', 'submitted', 'accepted', 'returned');
CREATE TYPE "RectificationStatus" AS ENUM ('open', 'closed');
CREATE TYPE "AssessmentItemKind" AS ENUM ('bonus', 'deduction');
CREATE TYPE "PromotionLevel" AS ENUM ('city', 'province', 'nation');

CREATE TABLE "unit" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "short_name" TEXT,
  "kind" "UnitKind" NOT NULL,
  "parent_id" INTEGER REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "path" TEXT NOT NULL,
  "sort_order" INTEGER NOT NULL DEFAULT 0,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "unit_parent_id_name_key" ON "unit"("parent_id", "name");
CREATE INDEX "unit_path_prefix_idx" ON "unit"("path" text_pattern_ops);

CREATE TABLE "app_user" (
  "id" SERIAL PRIMARY KEY,
  "username" TEXT NOT NULL,
  "display_name" TEXT NOT NULL,
  "password_hash" TEXT NOT NULL,
  "role" "Role" NOT NULL,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "phone" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");
CREATE INDEX "app_user_unit_id_idx" ON "app_user"("unit_id");

CREATE TABLE "session" (
  "id" TEXT PRIMARY KEY,
  "user_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "session_user_id_idx" ON "session"("user_id");
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

CREATE TABLE "task" (
  "id" SERIAL PRIMARY KEY,
  "code" TEXT NOT NULL,
  "list" "TaskList" NOT NULL,
  "title" TEXT NOT NULL,
  "status" "TaskStatus" NOT NULL DEFAULT 'active',
  "field" TEXT NOT NULL,
  "level" "TaskLevel" NOT NULL,
  "priority" "TaskPriority" NOT NULL DEFAULT 'normal',
  "year" INTEGER NOT NULL,
  "batch" TEXT,
  "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "objective" TEXT NOT NULL DEFAULT '',
  "acceptance_criteria" TEXT NOT NULL DEFAULT '',
  "issuing_level" "TaskLevel",
  "start_date" DATE NOT NULL,
  "deadline" DATE NOT NULL,
  "baseline_approved_at" TIMESTAMPTZ(3),
  "lead_leader" TEXT NOT NULL DEFAULT '',
  "lead_unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "special_group_id" INTEGER REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "originating_unit_id" INTEGER REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "contact_name" TEXT NOT NULL DEFAULT '',
  "contact_phone" TEXT NOT NULL DEFAULT '',
  "progress" INTEGER NOT NULL DEFAULT 0,
  "light" "Light" NOT NULL DEFAULT 'grey',
  "light_reason" TEXT NOT NULL DEFAULT '',
  "light_as_of" DATE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "task_code_key" ON "task"("code");
CREATE INDEX "task_list_status_idx" ON "task"("list", "status");
CREATE INDEX "task_lead_unit_id_idx" ON "task"("lead_unit_id");
CREATE INDEX "task_special_group_id_idx" ON "task"("special_group_id");
CREATE INDEX "task_deadline_idx" ON "task"("deadline");
CREATE INDEX "task_year_idx" ON "task"("year");
CREATE INDEX "task_field_idx" ON "task"("field");
CREATE INDEX "task_light_idx" ON "task"("light");

CREATE TABLE "task_cooperating_unit" (
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  PRIMARY KEY ("task_id", "unit_id")
);
CREATE INDEX "task_cooperating_unit_unit_id_idx" ON "task_cooperating_unit"("unit_id");

CREATE TABLE "task_measure" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "seq" INTEGER NOT NULL,
  "content" TEXT NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX "task_measure_task_id_seq_key" ON "task_measure"("task_id", "seq");

CREATE TABLE "task_outcome" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "kind" "OutcomeKind" NOT NULL,
  "description" TEXT NOT NULL,
  "target_count" INTEGER NOT NULL DEFAULT 1,
  "delivered_count" INTEGER NOT NULL DEFAULT 0,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX "task_outcome_task_id_idx" ON "task_outcome"("task_id");

CREATE TABLE "task_source_document" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "title" TEXT NOT NULL,
  "doc_number" TEXT NOT NULL DEFAULT '',
  "issuer" TEXT NOT NULL DEFAULT '',
  "issued_on" DATE
);
CREATE INDEX "task_source_document_task_id_idx" ON "task_source_document"("task_id");

CREATE TABLE "milestone" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "seq" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "phase" TEXT NOT NULL DEFAULT '',
  "due_date" DATE NOT NULL,
  "baseline_due_date" DATE,
  "done_date" DATE,
  "note" TEXT NOT NULL DEFAULT '',
  "depends_on_id" INTEGER REFERENCES "milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX "milestone_task_id_seq_key" ON "milestone"("task_id", "seq");
CREATE INDEX "milestone_due_date_idx" ON "milestone"("due_date");

CREATE TABLE "pilot_detail" (
  "task_id" INTEGER PRIMARY KEY REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "batch" TEXT NOT NULL,
  "approving_level" "TaskLevel" NOT NULL,
  "applying_county_id" INTEGER REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "guiding_unit" TEXT NOT NULL DEFAULT '',
  "term_start" DATE NOT NULL,
  "term_end" DATE NOT NULL,
  "stage" "PilotStage" NOT NULL DEFAULT 'implementing',
  "extended_to" DATE,
  "extension_reason" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX "pilot_detail_applying_county_id_batch_idx" ON "pilot_detail"("applying_county_id", "batch");

CREATE TABLE "progress_report" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "year" INTEGER NOT NULL,
  "quarter" INTEGER NOT NULL,
  "progress_text" TEXT NOT NULL DEFAULT '',
  "outcomes_text" TEXT NOT NULL DEFAULT '',
  "problems" TEXT NOT NULL DEFAULT '',
  "next_steps" TEXT NOT NULL DEFAULT '',
  "percent_complete" INTEGER NOT NULL DEFAULT 0,
  "status" "ReportStatus" NOT NULL DEFAULT 'draft',
  "submitted_at" TIMESTAMPTZ(3),
  "submitted_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "reviewed_at" TIMESTAMPTZ(3),
  "reviewer_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "review_comment" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "progress_report_task_id_year_quarter_key" ON "progress_report"("task_id", "year", "quarter");
CREATE INDEX "progress_report_unit_id_year_quarter_idx" ON "progress_report"("unit_id", "year", "quarter");
CREATE INDEX "progress_report_year_quarter_status_idx" ON "progress_report"("year", "quarter", "status");

CREATE TABLE "inspection" (
  "id" SERIAL PRIMARY KEY,
  "title" TEXT NOT NULL,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "task_id" INTEGER REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "inspected_on" DATE NOT NULL,
  "inspectors" TEXT NOT NULL DEFAULT '',
  "findings" TEXT NOT NULL DEFAULT '',
  "finding_count" INTEGER NOT NULL DEFAULT 0,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "inspection_unit_id_inspected_on_idx" ON "inspection"("unit_id", "inspected_on");
CREATE INDEX "inspection_task_id_idx" ON "inspection"("task_id");

CREATE TABLE "rectification_item" (
  "id" SERIAL PRIMARY KEY,
  "inspection_id" INTEGER NOT NULL REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "description" TEXT NOT NULL,
  "owner_unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "deadline" DATE NOT NULL,
  "status" "RectificationStatus" NOT NULL DEFAULT 'open',
  "closed_on" DATE,
  "closing_note" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX "rectification_item_owner_unit_id_status_idx" ON "rectification_item"("owner_unit_id", "status");
CREATE INDEX "rectification_item_inspection_id_idx" ON "rectification_item"("inspection_id");

CREATE TABLE "evidence_file" (
  "id" SERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "milestone_id" INTEGER REFERENCES "milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "report_id" INTEGER REFERENCES "progress_report"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "rectification_item_id" INTEGER REFERENCES "rectification_item"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "original_name" TEXT NOT NULL,
  "stored_name" TEXT NOT NULL,
  "mime_type" TEXT NOT NULL,
  "size" INTEGER NOT NULL,
  "sha256" TEXT NOT NULL,
  "uploaded_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "evidence_file_stored_name_key" ON "evidence_file"("stored_name");
CREATE INDEX "evidence_file_task_id_idx" ON "evidence_file"("task_id");

CREATE TABLE "assessment" (
  "id" SERIAL PRIMARY KEY,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "year" INTEGER NOT NULL,
  "base_score" DECIMAL(6,2) NOT NULL DEFAULT 100,
  "bonus_score" DECIMAL(6,2) NOT NULL DEFAULT 0,
  "deduction_score" DECIMAL(6,2) NOT NULL DEFAULT 0,
  "third_party_score" DECIMAL(6,2),
  "note" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "assessment_unit_id_year_key" ON "assessment"("unit_id", "year");

CREATE TABLE "assessment_item" (
  "id" SERIAL PRIMARY KEY,
  "assessment_id" INTEGER NOT NULL REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "kind" "AssessmentItemKind" NOT NULL,
  "points" DECIMAL(6,2) NOT NULL,
  "reason" TEXT NOT NULL
);
CREATE INDEX "assessment_item_assessment_id_idx" ON "assessment_item"("assessment_id");

CREATE TABLE "typical_case" (
  "id" SERIAL PRIMARY KEY,
  "title" TEXT NOT NULL,
  "summary" TEXT NOT NULL DEFAULT '',
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "task_id" INTEGER REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "promoted_level" "PromotionLevel",
  "promoted_on" DATE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "typical_case_unit_id_idx" ON "typical_case"("unit_id");

CREATE TABLE "setting" (
  "key" TEXT PRIMARY KEY,
  "value" JSONB NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "audit_log" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "entity" TEXT NOT NULL,
  "entity_id" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "changes" JSONB NOT NULL DEFAULT '{}',
  "request_id" TEXT NOT NULL DEFAULT ''
);
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- The audit log is append-only: history must not be rewritten, not even by the application.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
