-- Published rankings (晾晒比拼) and appeals against their facts. A ranking is computed live from the
-- facts while it is a draft; publishing stores a version (its formula and rows, every fact included),
-- and a recomputation after an accepted appeal stores the next version: no version is ever changed.
CREATE TYPE "RankingGroup" AS ENUM ('department', 'county');
CREATE TYPE "RankingAppealStatus" AS ENUM ('pending', 'accepted', 'refused');
CREATE TYPE "RankingFactOverride" AS ENUM ('exclude', 'correct');

CREATE TABLE "ranking_version" (
  "id" SERIAL PRIMARY KEY,
  "group" "RankingGroup" NOT NULL,
  "year" INTEGER NOT NULL,
  "quarter" INTEGER NOT NULL,
  "year_to_date" BOOLEAN NOT NULL,
  "number" INTEGER NOT NULL,
  "as_of" DATE NOT NULL,
  "formula" JSONB NOT NULL,
  "rows" JSONB NOT NULL,
  "note" TEXT NOT NULL DEFAULT '',
  "published_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "ranking_version_group_year_quarter_year_to_date_number_key"
  ON "ranking_version"("group", "year", "quarter", "year_to_date", "number");

CREATE TABLE "ranking_appeal" (
  "id" SERIAL PRIMARY KEY,
  "ranking_version_id" INTEGER NOT NULL REFERENCES "ranking_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "unit_id" INTEGER NOT NULL REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "task_id" INTEGER NOT NULL REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "fact_key" TEXT NOT NULL,
  "fact_text" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "evidence_file_id" INTEGER REFERENCES "evidence_file"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "status" "RankingAppealStatus" NOT NULL DEFAULT 'pending',
  "override" "RankingFactOverride",
  "decision_reason" TEXT NOT NULL DEFAULT '',
  "requested_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "decided_by_id" INTEGER REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "decided_at" TIMESTAMPTZ(3),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "ranking_appeal_status_idx" ON "ranking_appeal"("status");
CREATE INDEX "ranking_appeal_unit_id_idx" ON "ranking_appeal"("unit_id");
CREATE INDEX "ranking_appeal_ranking_version_id_idx" ON "ranking_appeal"("ranking_version_id");
-- At most one open appeal per fact and unit.
CREATE UNIQUE INDEX "ranking_appeal_one_pending_key" ON "ranking_appeal"("unit_id", "fact_key") WHERE "status" = 'pending';
