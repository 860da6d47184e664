-- Generated quarterly reports (PDF and Word), cached per quarter, scope, format and data version:
-- the file is stored with its row in one statement, so a failed generation leaves nothing behind,
-- and a second download of an unchanged report is read back instead of laid out again.
CREATE TABLE "quarterly_report_file" (
  "id" SERIAL PRIMARY KEY,
  "year" INTEGER NOT NULL,
  "quarter" INTEGER NOT NULL,
  "scope" TEXT NOT NULL,
  "format" TEXT NOT NULL,
  "data_version" TEXT NOT NULL,
  "content" BYTEA NOT NULL,
  "size_bytes" INTEGER NOT NULL,
  "generated_by_id" INTEGER NOT NULL REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "generated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "generation_ms" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "quarterly_report_file_key"
  ON "quarterly_report_file"("year", "quarter", "scope", "format", "data_version");
CREATE INDEX "quarterly_report_file_generated_at_idx" ON "quarterly_report_file"("generated_at");
