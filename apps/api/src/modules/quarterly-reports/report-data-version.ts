import { quarterEnd, type Quarter } from '@reform/domain';
import type { Database } from '@reform/db';

/** Bumped when the report's content or layout changes, so older cached files are not served again. */
export const REPORT_LAYOUT_VERSION = 1;

/**
 * A digest of every fact a report reads (tasks, milestones, reports, inspections, rectifications,
 * typical cases, units, settings, assessments): each table's row count and the sum of its rows'
 * `xmin` (the transaction that wrote each row version). Any insert, update or delete — by any
 * path, even plain SQL — changes it, so the cache never serves a report of older facts. For the
 * quarter still running, today is part of it (lights and rates move with the calendar).
 */
export async function reportDataVersion(db: Database, quarter: Quarter, today: string): Promise<string> {
  const part = (table: string) => `(SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM ${table})`;
  const [row] = await db.query<{ digest: string }>(
    `SELECT md5(concat_ws('|', ${[
      part('task'),
      part('milestone'),
      part('progress_report'),
      part('inspection'),
      part('rectification_item'),
      part('typical_case'),
      part('unit'),
      part('setting'),
      part('assessment'),
      part('ranking_version'),
      part('ranking_appeal'),
    ].join(', ')})) AS digest`,
  );
  const running = quarterEnd(quarter) >= today ? today : 'closed';
  return `v${REPORT_LAYOUT_VERSION}-${running}-${row!.digest}`;
}
