import type { Database } from '@reform/db';
import { searchTermsOf } from '@reform/domain';

const BATCH = 2_000;
const ANALYZE_AFTER = 10_000;

interface TextRow {
  task_id: number;
  text: string;
}

/**
 * Recomputes the search terms of every task whose text changed (database triggers mark its
 * `task_search` row stale). Rows are locked while computed, SKIP LOCKED, so a concurrent edit
 * waits and marks the row stale again after us, and several processes share the work.
 * Returns how many tasks were reindexed.
 *
 * A search refreshes at most `maxTasks` (the few edited since the last sweep); a bulk load
 * (a large ledger import, the migration that added search) is left to the background sweeper,
 * which indexes ~400 tasks a second at 100,000 tasks, so no request waits minutes for it.
 */
export async function refreshSearchTerms(db: Database, options: { maxTasks?: number } = {}): Promise<number> {
  // Cheap, index-served check first: most searches find nothing stale.
  const [anyStale] = await db.prisma.$queryRaw<{ task_id: number }[]>`SELECT task_id FROM task_search WHERE stale LIMIT 1`;
  if (!anyStale) return 0;
  let refreshed = 0;
  for (;;) {
    const count = await db.prisma.$transaction(
      async (tx) => {
        const stale = await tx.$queryRaw<{ task_id: number }[]>`
          SELECT task_id FROM task_search WHERE stale ORDER BY task_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        if (stale.length === 0) return 0;
        const ids = stale.map((row) => row.task_id);
        const rows = await tx.$queryRaw<TextRow[]>`
          SELECT id AS task_id, concat_ws(' ', title, objective, acceptance_criteria) AS text FROM task WHERE id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, content FROM task_measure WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, description FROM task_outcome WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, title FROM task_source_document WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, body FROM task_comment WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, concat_ws(' ', progress_text, outcomes_text, problems, next_steps)
                    FROM progress_report WHERE task_id = ANY(${ids}::int[])`;
        const codes = await tx.$queryRaw<{ id: number; code: string }[]>`SELECT id, code FROM task WHERE id = ANY(${ids}::int[])`;
        const codeOf = new Map(codes.map((row) => [row.id, row.code]));
        const textsByTask = new Map<number, string[]>(ids.map((id) => [id, []]));
        for (const row of rows) textsByTask.get(row.task_id)?.push(row.text);
        // Terms never contain spaces, so each task's terms travel as one space-joined string.
        const joined = ids.map((id) => searchTermsOf({ code: codeOf.get(id) ?? '', texts: textsByTask.get(id) ?? [] }).join(' '));
        await tx.$executeRaw`
          UPDATE task_search SET terms = string_to_array(v.joined, ' '), stale = false
          FROM (SELECT unnest(${ids}::int[]) AS task_id, unnest(${joined}::text[]) AS joined) AS v
          WHERE task_search.task_id = v.task_id`;
        return ids.length;
      },
      { timeout: 300_000 },
    );
    refreshed += count;
    if (count < BATCH || refreshed >= (options.maxTasks ?? Infinity)) break;
  }
  if (refreshed > 0) {
    // New GIN entries wait in the index's pending list, which every search scans and only
    // (auto)vacuum empties; PGlite has no autovacuum, so empty it here, while it is small.
    await db.prisma.$queryRaw`SELECT gin_clean_pending_list('task_search_terms_idx'::regclass)`;
  }
  // Rewriting many rows leaves the planner's statistics stale (and, again, PGlite has no autovacuum).
  if (refreshed >= ANALYZE_AFTER) await db.prisma.$executeRaw`ANALYZE task_search`;
  return refreshed;
}
