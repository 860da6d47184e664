-- The annual assessment (年度考评, "100+20"): scores are integer hundredths of a point, computed
-- from entries (third-party and satisfaction scores, bonus and deduction items), each with its
-- reason and evidence; the office finalises a year, after which nothing of it changes.

-- Entries also carry the base scores entered or imported: one third-party and one satisfaction
-- score per sheet at most.
CREATE TYPE "AssessmentItemKind_new" AS ENUM ('third_party', 'satisfaction', 'bonus', 'deduction');
ALTER TABLE "assessment_item" ALTER COLUMN "kind" TYPE "AssessmentItemKind_new" USING "kind"::text::"AssessmentItemKind_new";
DROP TYPE "AssessmentItemKind";
ALTER TYPE "AssessmentItemKind_new" RENAME TO "AssessmentItemKind";

ALTER TABLE "assessment_item" ADD COLUMN "points_hundredths" INTEGER NOT NULL DEFAULT 0;
UPDATE "assessment_item" SET "points_hundredths" = ROUND("points" * 100)::INTEGER;
ALTER TABLE "assessment_item" DROP COLUMN "points";
ALTER TABLE "assessment_item" RENAME COLUMN "points_hundredths" TO "points";
ALTER TABLE "assessment_item" ALTER COLUMN "points" DROP DEFAULT;
ALTER TABLE "assessment_item"
  ADD COLUMN "evidence_ids" INTEGER[] NOT NULL DEFAULT '{}',
  ADD COLUMN "typical_case_id" INTEGER REFERENCES "typical_case"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD COLUMN "created_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE UNIQUE INDEX "assessment_item_one_base_key" ON "assessment_item"("assessment_id", "kind")
  WHERE "kind" IN ('third_party', 'satisfaction');

-- The totals are computed, never stored beside their parts.
ALTER TABLE "assessment"
  DROP COLUMN "base_score",
  DROP COLUMN "bonus_score",
  DROP COLUMN "deduction_score",
  DROP COLUMN "third_party_score";
CREATE INDEX "assessment_year_idx" ON "assessment"("year");

-- A finalised year: its row exists only once the office has finalised it (the primary key lets one
-- finalisation in). The ranking's year-to-date scores and the weights are kept as they were at that moment.
CREATE TABLE "assessment_year" (
  "year" INTEGER PRIMARY KEY,
  "finalised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finalised_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "ranking_snapshot" JSONB NOT NULL DEFAULT '{}',
  "config" JSONB NOT NULL DEFAULT '{}'
);
