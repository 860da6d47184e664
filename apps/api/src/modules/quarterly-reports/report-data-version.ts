import { quarterEnd, type Quarter } from '@reform/domain';
import type { Database } from '@reform/db';
import { factVersion } from '../fact-version.ts';

/** Bumped when the report's content or layout changes, so older cached files are not served again. */
export const REPORT_LAYOUT_VERSION = 1;

/**
 * The version of every fact a report reads: the fact version (migration 0019), which every
 * committed insert, update or delete of a task, milestone, report, inspection, rectification,
 * typical case, unit, setting, assessment or ranking moves on — by any path, even plain SQL — so
 * the cache never serves a report of older facts. One indexed row, where the digest before it
 * summed every row's `xmin` of eleven tables. For the quarter still running, today is part of it
 * (lights and rates move with the calendar).
 */
export async function reportDataVersion(db: Database, quarter: Quarter, today: string): Promise<string> {
  const running = quarterEnd(quarter) >= today ? today : 'closed';
  return `v${REPORT_LAYOUT_VERSION}-${running}-f${await factVersion(db)}`;
}
