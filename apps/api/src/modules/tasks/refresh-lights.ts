import type { Database } from '@reform/db';
import { computeLight, previousQuarter, quarterOf, type LightFacts } from '@reform/domain';
import { dateColumn, isoDate } from '@reform/domain';
import { loadLightSettings } from '../settings/load-light-settings.ts';

const BATCH = 5_000;

interface TaskFactRow {
  id: number;
  status: LightFacts['status'];
  start_date: Date;
  deadline: Date;
  reported: boolean;
}
interface MilestoneFactRow {
  task_id: number;
  name: string;
  due_date: Date;
}

/**
 * Status lights are derived by the domain's computeLight and stored with the Shanghai date
 * they were computed for, so lists can filter and sort by light in SQL. A task's light is
 * recomputed when its facts change (light_as_of set to NULL) or when the day changes.
 * Rows are locked while computed, so a concurrent change of facts cannot be overwritten.
 * Only the facts the light depends on are read: undone milestones and whether the last
 * quarter was reported.
 */
export async function refreshLights(
  db: Database,
  today: string,
  scope: { taskIds?: readonly number[]; onlyChanged?: boolean } = {},
): Promise<number> {
  const todayColumn = dateColumn(today);
  const ids = scope.taskIds ? [...scope.taskIds] : null;
  // onlyChanged: just the tasks whose facts changed; the day's rollover is left to the sweeper.
  const staleBefore = scope.onlyChanged ? null : todayColumn;
  // Cheap, index-served check first: most reads find nothing stale.
  const [anyStale] = await db.prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM task
    WHERE (light_as_of IS NULL OR light_as_of < ${staleBefore}::date OR light_as_of > ${staleBefore}::date)
      AND (${ids}::int[] IS NULL OR id = ANY(${ids}::int[]))
    LIMIT 1`;
  if (!anyStale) return 0;

  const settings = await loadLightSettings(db);
  const lastQuarter = previousQuarter(quarterOf(today));
  let refreshed = 0;
  for (;;) {
    const count = await db.prisma.$transaction(
      async (tx) => {
        const tasks = await tx.$queryRaw<TaskFactRow[]>`
          SELECT t.id, t.status, t.start_date, t.deadline,
                 EXISTS (SELECT 1 FROM progress_report r
                         WHERE r.task_id = t.id AND r.year = ${lastQuarter.year} AND r.quarter = ${lastQuarter.quarter}
                           AND r.status <> 'draft') AS reported
          FROM task t
          WHERE (t.light_as_of IS NULL OR t.light_as_of < ${staleBefore}::date OR t.light_as_of > ${staleBefore}::date)
            AND (${ids}::int[] IS NULL OR t.id = ANY(${ids}::int[]))
          ORDER BY t.id LIMIT ${BATCH}
          FOR UPDATE OF t SKIP LOCKED`;
        if (tasks.length === 0) return 0;
        const batchIds = tasks.map((task) => task.id);
        const milestones = await tx.$queryRaw<MilestoneFactRow[]>`
          SELECT task_id, name, due_date FROM milestone WHERE task_id = ANY(${batchIds}::int[]) AND done_date IS NULL`;
        const undoneByTask = new Map<number, LightFacts['milestones'][number][]>();
        for (const m of milestones) {
          const list = undoneByTask.get(m.task_id) ?? [];
          list.push({ name: m.name, dueDate: isoDate(m.due_date), doneDate: null });
          undoneByTask.set(m.task_id, list);
        }
        const lights: string[] = [];
        const reasons: string[] = [];
        for (const task of tasks) {
          const result = computeLight(
            {
              status: task.status,
              startDate: isoDate(task.start_date),
              deadline: isoDate(task.deadline),
              milestones: undoneByTask.get(task.id) ?? [],
              reportedQuarters: task.reported ? [lastQuarter] : [],
            },
            settings,
            today,
          );
          lights.push(result.light);
          reasons.push(result.reason);
        }
        await tx.$executeRaw`
          UPDATE task SET light = v.light::"Light", light_reason = v.reason, light_as_of = ${todayColumn}::date
          FROM (SELECT unnest(${batchIds}::int[]) AS id, unnest(${lights}::text[]) AS light, unnest(${reasons}::text[]) AS reason) AS v
          WHERE task.id = v.id`;
        return tasks.length;
      },
      { timeout: 300_000 },
    );
    refreshed += count;
    if (count < BATCH) return refreshed;
  }
}
