import type { Database, Prisma } from '@reform/db';
import { computeLight, previousQuarter, quarterOf, type LightFacts } from '@reform/domain';
import { dateColumn, isoDate } from '@reform/domain';
import { lightSettingsOf } from '../settings/load-light-settings.ts';

const BATCH = 5_000;

interface TaskFactRow {
  id: number;
  status: LightFacts['status'];
  start_date: Date;
  deadline: Date;
  reported: boolean;
  /** Undone milestones as [{ name, dueDate }]. */
  undone: { name: string; dueDate: string }[];
  /** Open rectification items as [{ description, deadline }]. */
  rectifications: { description: string; deadline: string }[];
  lights_setting: unknown;
  reports_setting: unknown;
}

/**
 * Status lights are derived by the domain's computeLight and stored with the Shanghai date
 * they were computed for, so lists can filter and sort by light in SQL. A task's light is
 * recomputed when its facts change (light_as_of set to NULL) or when the day changes.
 * Rows are locked while computed, so a concurrent change of facts cannot be overwritten.
 * Only the facts the light depends on are read: undone milestones, open rectification items
 * and whether the last quarter was reported.
 */
export async function refreshLights(
  db: Database,
  today: string,
  scope: { taskIds?: readonly number[]; onlyChanged?: boolean } = {},
): Promise<number> {
  const ids = scope.taskIds ? [...scope.taskIds] : null;
  // onlyChanged: just the tasks whose facts changed; the day's rollover is left to the sweeper.
  const staleBefore = scope.onlyChanged ? null : dateColumn(today);
  // Cheap, index-served check first: most reads find nothing stale.
  const [anyStale] = await db.prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM task
    WHERE (light_as_of IS NULL OR light_as_of < ${staleBefore}::date OR light_as_of > ${staleBefore}::date)
      AND (${ids}::int[] IS NULL OR id = ANY(${ids}::int[]))
    LIMIT 1`;
  if (!anyStale) return 0;

  let refreshed = 0;
  for (;;) {
    const count = await db.prisma.$transaction((tx) => recomputeLights(tx, today, { ids, staleBefore }), { timeout: 300_000 });
    refreshed += count;
    if (count < BATCH) return refreshed;
  }
}

/**
 * Recomputes the light of tasks a write has just changed, inside that write's transaction (which
 * holds their rows), so the task is current when the write answers.
 */
export async function refreshTaskLights(tx: Prisma.TransactionClient, today: string, taskIds: readonly number[]): Promise<void> {
  await recomputeLights(tx, today, { ids: [...taskIds], staleBefore: null, all: true });
}

/** One batch: the facts, the thresholds and the undone milestones in one statement, the lights in another. */
async function recomputeLights(
  tx: Prisma.TransactionClient,
  today: string,
  scope: { ids: number[] | null; staleBefore: Date | null; all?: boolean },
): Promise<number> {
  const { ids, staleBefore } = scope;
  const all = scope.all ?? false;
  const lastQuarter = previousQuarter(quarterOf(today));
  const tasks = await tx.$queryRaw<TaskFactRow[]>`
    SELECT t.id, t.status, t.start_date, t.deadline,
           EXISTS (SELECT 1 FROM progress_report r
                   WHERE r.task_id = t.id AND r.year = ${lastQuarter.year} AND r.quarter = ${lastQuarter.quarter}
                     AND r.status <> 'draft') AS reported,
           COALESCE((SELECT json_agg(json_build_object('name', m.name, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD')) ORDER BY m.due_date, m.seq)
                     FROM milestone m WHERE m.task_id = t.id AND m.done_date IS NULL), '[]'::json) AS undone,
           COALESCE((SELECT json_agg(json_build_object('description', ri.description, 'deadline', to_char(ri.deadline, 'YYYY-MM-DD')) ORDER BY ri.deadline, ri.id)
                     FROM rectification_item ri WHERE ri.task_id = t.id AND ri.status = 'open'), '[]'::json) AS rectifications,
           (SELECT value FROM setting WHERE key = 'lights') AS lights_setting,
           (SELECT value FROM setting WHERE key = 'reports') AS reports_setting
    FROM task t
    WHERE (${all}::boolean OR t.light_as_of IS NULL OR t.light_as_of < ${staleBefore}::date OR t.light_as_of > ${staleBefore}::date)
      AND (${ids}::int[] IS NULL OR t.id = ANY(${ids}::int[]))
    ORDER BY t.id LIMIT ${BATCH}
    FOR UPDATE OF t SKIP LOCKED`;
  const [first] = tasks;
  if (!first) return 0;
  const settings = lightSettingsOf(first.lights_setting, first.reports_setting);
  const lights: string[] = [];
  const reasons: string[] = [];
  for (const task of tasks) {
    const result = computeLight(
      {
        status: task.status,
        startDate: isoDate(task.start_date),
        deadline: isoDate(task.deadline),
        milestones: task.undone.map((m) => ({ ...m, doneDate: null })),
        reportedQuarters: task.reported ? [lastQuarter] : [],
        openRectifications: task.rectifications,
      },
      settings,
      today,
    );
    lights.push(result.light);
    reasons.push(result.reason);
  }
  const batchIds = tasks.map((task) => task.id);
  await tx.$executeRaw`
    UPDATE task SET light = v.light::"Light", light_reason = v.reason, light_as_of = ${dateColumn(today)}::date
    FROM (SELECT unnest(${batchIds}::int[]) AS id, unnest(${lights}::text[]) AS light, unnest(${reasons}::text[]) AS reason) AS v
    WHERE task.id = v.id`;
  return tasks.length;
}
