import { type Quarter } from '@reform/domain';
import { type AppError } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshLights } from '../tasks/refresh-lights.ts';
import { loadFigureSections } from './load-figure-sections.ts';
import { rankingAudienceOf } from './load-ranking-sections.ts';
import { loadReportLists } from './load-report-lists.ts';
import { buildReportDocument } from './report-content.ts';
import { reportDataVersion } from './report-data-version.ts';
import type { ReportFormat } from './report-document.ts';
import { reportPool } from './report-pool.ts';
import type { ResolvedScope } from './report-request.ts';

export interface ReportKey {
  quarter: Quarter;
  scope: ResolvedScope;
  format: ReportFormat;
  internal: boolean;
}

interface Generation {
  progress: number;
  done: Promise<number>;
  /** Set when it failed: told to the next status request, then forgotten. */
  error?: AppError | Error;
}

/** Reports being generated in this process, by cache key: a second request joins the first. */
const generations = new Map<string, Generation>();

const cacheKeyOf = (key: ReportKey, dataVersion: string) =>
  `${key.quarter.year}-Q${key.quarter.quarter}|${key.scope.key}|${key.format}|${dataVersion}`;

/** The version a cached file must carry: the facts' digest, whose ranking it may print (draft or published), and whether it is marked 内部资料. */
export async function versionOf(ctx: UseCaseContext, key: ReportKey): Promise<string> {
  // Lights are brought up to date first (the dashboard would do it while generating, and the
  // rewritten rows would then give the next request another version).
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  return `${await reportDataVersion(ctx.db, key.quarter, ctx.today)}-${rankingAudienceOf(ctx)}${key.internal ? '-internal' : ''}`;
}

/** The cached file's id for this key and data version, if it has been generated. */
export async function cachedFileId(ctx: UseCaseContext, key: ReportKey, dataVersion: string): Promise<number | null> {
  const [row] = await ctx.db.query<{ id: number }>(
    `SELECT id FROM quarterly_report_file WHERE year = $1 AND quarter = $2 AND scope = $3 AND format = $4 AND data_version = $5`,
    [key.quarter.year, key.quarter.quarter, key.scope.key, key.format, dataVersion],
  );
  return row?.id ?? null;
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

async function generate(ctx: UseCaseContext, key: ReportKey, dataVersion: string, generation: Generation): Promise<number> {
  const started = performance.now();
  const [lists, figures] = [await loadReportLists(ctx.db, key.quarter, key.scope.scope), await loadFigureSections(ctx, key.quarter, key.scope)];
  const document = buildReportDocument({ quarter: key.quarter, scope: key.scope, dateText: chineseDate(ctx.today), internal: key.internal, lists, figures });
  generation.progress = 0.1;
  const result = await reportPool.run(
    { document, format: key.format },
    { weight: 1, onProgress: (share) => (generation.progress = 0.1 + share * 0.85) },
  );
  // The file and its row are one statement: a failed generation leaves nothing behind.
  const [row] = await ctx.db.query<{ id: number }>(
    `INSERT INTO quarterly_report_file (year, quarter, scope, format, data_version, content, size_bytes, generated_by_id, generation_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (year, quarter, scope, format, data_version) DO UPDATE SET year = EXCLUDED.year
     RETURNING id`,
    [
      key.quarter.year,
      key.quarter.quarter,
      key.scope.key,
      key.format,
      dataVersion,
      Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength),
      result.bytes.byteLength,
      ctx.user.id,
      Math.round(performance.now() - started),
    ],
  );
  return row!.id;
}

/**
 * Starts generating the report unless it is cached or already being generated (then joins that),
 * and tells how far it is. The file is generated once per key and data version.
 */
export function startGeneration(ctx: UseCaseContext, key: ReportKey, dataVersion: string): Generation {
  const cacheKey = cacheKeyOf(key, dataVersion);
  const running = generations.get(cacheKey);
  if (running) return running;
  const generation: Generation = { progress: 0, done: Promise.resolve(0) };
  generation.done = generate(ctx, key, dataVersion, generation).then(
    (id) => {
      generations.delete(cacheKey);
      return id;
    },
    (error: unknown) => {
      generation.error = error instanceof Error ? error : new Error(String(error));
      // Kept for a minute so the page polling for it hears why; then a new request tries again.
      setTimeout(() => generations.delete(cacheKey), 60_000).unref();
      throw error;
    },
  );
  generation.done.catch(() => undefined);
  generations.set(cacheKey, generation);
  return generation;
}

/** The generation running (or just failed) for this key, if any. */
export function generationOf(key: ReportKey, dataVersion: string): Generation | undefined {
  return generations.get(cacheKeyOf(key, dataVersion));
}
