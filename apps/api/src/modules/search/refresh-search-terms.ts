import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '@reform/db';
import { searchTermsOf } from '@reform/domain';

/**
 * Tasks per transaction. Computing terms is synchronous (about 0.2 ms a task), and on the
 * embedded database the transaction holds the one connection, so a batch is what another
 * request may wait for: 100 keeps that to tens of milliseconds (2,000 blocked up to 441 ms).
 */
const BATCH = 100;
const ANALYZE_AFTER = 10_000;

interface TextRow {
  task_id: number;
  text: string;
}

/**
 * Recomputes the search terms of every task whose text changed (database triggers mark its
 * `task_search` row stale). Rows are locked while computed, SKIP LOCKED, so a concurrent edit
 * waits and marks the row stale again after us, and several processes share the work.
 * Between batches the event loop serves other requests. Returns how many tasks were reindexed.
 *
 * A search refreshes at most `maxTasks` (the few edited since the last sweep); a bulk load
 * (a large ledger import, a migration that changes the terms) is left to the background
 * sweeper, so no request waits minutes for it.
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
        // Everything a task is found by: its texts, its lead leader, its lead and cooperating units' names.
        const rows = await tx.$queryRaw<TextRow[]>`
          SELECT id AS task_id, concat_ws(' ', objective, acceptance_criteria, lead_leader) AS text FROM task WHERE id = ANY(${ids}::int[])
          UNION ALL SELECT t.id, concat_ws(' ', u.name, u.short_name) FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE t.id = ANY(${ids}::int[])
          UNION ALL SELECT c.task_id, concat_ws(' ', u.name, u.short_name)
                    FROM task_cooperating_unit c JOIN unit u ON u.id = c.unit_id WHERE c.task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, content FROM task_measure WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, description FROM task_outcome WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, title FROM task_source_document WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, body FROM task_comment WHERE task_id = ANY(${ids}::int[])
          UNION ALL SELECT task_id, concat_ws(' ', progress_text, outcomes_text, problems, next_steps)
                    FROM progress_report WHERE task_id = ANY(${ids}::int[])`;
        const heads = await tx.$queryRaw<{ id: number; code: string; title: string }[]>`
          SELECT id, code, title FROM task WHERE id = ANY(${ids}::int[])`;
        const headOf = new Map(heads.map((row) => [row.id, row]));
        const textsByTask = new Map<number, string[]>(ids.map((id) => [id, []]));
        for (const row of rows) textsByTask.get(row.task_id)?.push(row.text);
        // Terms never contain spaces, so each task's terms travel as one space-joined string.
        const titleTerms: string[] = [];
        const terms: string[] = [];
        for (const id of ids) {
          const head = { code: headOf.get(id)?.code ?? '', texts: [headOf.get(id)?.title ?? ''] };
          titleTerms.push(searchTermsOf(head).join(' '));
          terms.push(searchTermsOf({ code: head.code, texts: [...head.texts, ...(textsByTask.get(id) ?? [])] }).join(' '));
        }
        await tx.$executeRaw`
          UPDATE task_search SET terms = string_to_array(v.terms, ' '), title_terms = string_to_array(v.title_terms, ' '), stale = false
          FROM (SELECT unnest(${ids}::int[]) AS task_id, unnest(${terms}::text[]) AS terms, unnest(${titleTerms}::text[]) AS title_terms) AS v
          WHERE task_search.task_id = v.task_id`;
        return ids.length;
      },
      { timeout: 60_000 },
    );
    refreshed += count;
    if (count < BATCH || refreshed >= (options.maxTasks ?? Infinity)) break;
    await nextTurn();
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
