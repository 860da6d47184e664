import type { Database } from '@reform/db';
import { computeLight, previousQuarter, quarterOf } from '@reform/domain';
import { dateColumn, isoDate } from '../dates.ts';
import { loadLightSettings } from '../settings/load-light-settings.ts';

const BATCH = 2_000;

/**
 * Status lights are derived by the domain's computeLight and stored with the Shanghai date
 * they were computed for, so lists can filter and sort by light in SQL. A task's light is
 * recomputed when its facts change (light_as_of set to NULL) or when the day changes.
 * Rows are locked while computed, so a concurrent change of facts cannot be overwritten.
 */
export async function refreshLights(db: Database, today: string, taskIds?: readonly number[]): Promise<number> {
  const settings = await loadLightSettings(db);
  const lastQuarter = previousQuarter(quarterOf(today));
  const todayColumn = dateColumn(today);
  let refreshed = 0;
  for (;;) {
    const count = await db.prisma.$transaction(async (tx) => {
      const stale = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM task
        WHERE (light_as_of IS NULL OR light_as_of <> ${todayColumn}::date)
          AND (${taskIds ?? null}::int[] IS NULL OR id = ANY(${taskIds ?? null}::int[]))
        ORDER BY id LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      if (stale.length === 0) return 0;
      const tasks = await tx.task.findMany({
        where: { id: { in: stale.map((row) => row.id) } },
        select: {
          id: true,
          status: true,
          startDate: true,
          deadline: true,
          milestones: { select: { name: true, dueDate: true, doneDate: true } },
          reports: {
            where: { year: lastQuarter.year, quarter: lastQuarter.quarter, status: { not: 'draft' } },
            select: { year: true, quarter: true },
          },
        },
      });
      const ids: number[] = [];
      const lights: string[] = [];
      const reasons: string[] = [];
      for (const task of tasks) {
        const result = computeLight(
          {
            status: task.status,
            startDate: isoDate(task.startDate),
            deadline: isoDate(task.deadline),
            milestones: task.milestones.map((m) => ({
              name: m.name,
              dueDate: isoDate(m.dueDate),
              doneDate: m.doneDate ? isoDate(m.doneDate) : null,
            })),
            reportedQuarters: task.reports,
          },
          settings,
          today,
        );
        ids.push(task.id);
        lights.push(result.light);
        reasons.push(result.reason);
      }
      await tx.$executeRaw`
        UPDATE task SET light = v.light::"Light", light_reason = v.reason, light_as_of = ${todayColumn}::date
        FROM (SELECT unnest(${ids}::int[]) AS id, unnest(${lights}::text[]) AS light, unnest(${reasons}::text[]) AS reason) AS v
        WHERE task.id = v.id`;
      return tasks.length;
    }, { timeout: 120_000 });
    refreshed += count;
    if (count < BATCH) return refreshed;
  }
}
