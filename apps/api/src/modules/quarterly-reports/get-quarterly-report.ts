import type { TQuarterlyReportQuery } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { cachedFileId, startGeneration, versionOf, type ReportKey } from './generate-quarterly-report.ts';
import { reportTitle } from './report-content.ts';
import { checkQuarter, parseReportName, resolveScope } from './report-request.ts';

export const contentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Reads what a report request names: the quarter, format and scope, each checked (400/404 in words). */
export async function reportKeyOf(ctx: UseCaseContext, name: string, query: TQuarterlyReportQuery): Promise<ReportKey> {
  const { quarter, format } = parseReportName(name);
  const scope = await resolveScope(ctx, query.scope);
  await checkQuarter(ctx, quarter);
  return { quarter, format, scope, internal: query.marking === 'internal' };
}

/**
 * GET /api/quarterly-reports/2026-Q3.pdf: the cached file when the facts have not changed since
 * it was made, else a new one (laid out in a worker; a request for a report already being made
 * waits for that one).
 */
export async function getQuarterlyReport(
  ctx: UseCaseContext,
  name: string,
  query: TQuarterlyReportQuery,
): Promise<{ filename: string; contentType: string; content: Buffer; cached: boolean }> {
  const key = await reportKeyOf(ctx, name, query);
  const dataVersion = await versionOf(ctx, key);
  let id = await cachedFileId(ctx, key, dataVersion);
  const cached = id !== null;
  if (id === null) id = await startGeneration(ctx, key, dataVersion).done;
  const [row] = await ctx.db.query<{ content: Buffer }>(`SELECT content FROM quarterly_report_file WHERE id = $1`, [id]);
  return {
    filename: `${reportTitle(key.quarter, key.scope)}.${key.format}`,
    contentType: contentTypes[key.format],
    content: Buffer.from(row!.content),
    cached,
  };
}
