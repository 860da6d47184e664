import type { TQuarterlyReportStatus, TQuarterlyReportStatusQuery } from '@reform/contracts';
import { AppError } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { cachedFileId, generationOf, startGeneration, versionOf } from './generate-quarterly-report.ts';
import { reportKeyOf } from './get-quarterly-report.ts';
import { loadReportFiles } from './list-quarterly-reports.ts';

/**
 * GET /api/quarterly-reports/status: is the report ready? If not, its generation starts (or the
 * running one is joined) and the answer says how far it is; the page asks again until it is ready,
 * then downloads it from `href` (instantly, from the cache).
 */
export async function quarterlyReportStatus(ctx: UseCaseContext, query: TQuarterlyReportStatusQuery): Promise<TQuarterlyReportStatus> {
  const name = `${query.quarter}.${query.format}`;
  const key = await reportKeyOf(ctx, name, { scope: query.scope, marking: query.marking });
  const search = new URLSearchParams({ scope: key.scope.key, ...(key.internal ? { marking: 'internal' } : {}) });
  const href = `/api/quarterly-reports/${name}?${search.toString()}`;
  const dataVersion = await versionOf(ctx, key);
  const id = await cachedFileId(ctx, key, dataVersion);
  if (id !== null) {
    const [file] = await loadReportFiles(ctx, { id });
    return { state: 'ready', progress: 1, message: null, href, file: file ?? null };
  }
  const running = generationOf(key, dataVersion);
  if (running?.error) {
    const message = running.error instanceof AppError ? running.error.text.zh : '生成报告时出错，请稍后重试';
    return { state: 'failed', progress: running.progress, message, href, file: null };
  }
  const generation = running ?? startGeneration(ctx, key, dataVersion);
  return { state: 'generating', progress: generation.progress, message: null, href, file: null };
}
