import type { Database } from '@reform/db';
import {
  quarterIndex,
  quarterOf,
  rankingFactsOf,
  rankingPeriodDays,
  type RankingGroup,
  type RankingPeriod,
  type RankingSourceTask,
  type RankingSourceUnit,
  type RankingUnitFacts,
} from '@reform/domain';
import { loadLightSettings } from '../settings/load-light-settings.ts';

/**
 * The facts of one group's ranking for one period, read in four plain statements (units, running
 * tasks, the milestones the period can count, the reports due in it) and turned into facts by the
 * domain's `rankingFactsOf`.
 */
export async function loadRankingFacts(db: Database, group: RankingGroup, period: RankingPeriod, today: string): Promise<RankingUnitFacts[]> {
  const { from, to } = rankingPeriodDays(period, today);
  const { reportDueDay } = await loadLightSettings(db);
  const units = await db.query<RankingSourceUnit>(`SELECT id, name, kind::text AS kind, parent_id AS "parentId" FROM unit`);
  const tasks = await db.query<Omit<RankingSourceTask, 'milestones' | 'reports'>>(
    `SELECT id, title, status::text AS status, lead_unit_id AS "leadUnitId", start_date::text AS "startDate", deadline::text AS deadline
       FROM task WHERE status <> 'draft' AND start_date <= $1::date`,
    [to],
  );
  const milestones = await db.query<{ taskId: number; id: number; name: string; dueDate: string; doneDate: string | null }>(
    `SELECT m.task_id AS "taskId", m.id, m.name, m.due_date::text AS "dueDate", m.done_date::text AS "doneDate"
       FROM milestone m JOIN task t ON t.id = m.task_id
      WHERE t.status <> 'draft' AND m.due_date <= $2::date
        AND (m.due_date >= $1::date OR (t.status = 'active' AND (m.done_date IS NULL OR m.done_date > $2::date)))`,
    [from, to],
  );
  // Reports of the quarter before the period up to the period's last quarter: the domain keeps those due in the period.
  const first = quarterIndex(quarterOf(from)) - 1;
  const last = quarterIndex(quarterOf(to));
  const reports = await db.query<{ taskId: number; year: number; quarter: number; submittedOn: string | null }>(
    `SELECT task_id AS "taskId", year, quarter,
            to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "submittedOn"
       FROM progress_report
      WHERE year * 4 + quarter - 1 BETWEEN $1 AND $2 AND submitted_at IS NOT NULL`,
    [first, last],
  );
  const byTask = new Map<number, RankingSourceTask>();
  for (const task of tasks) byTask.set(task.id, { ...task, milestones: [], reports: [] });
  for (const { taskId, ...milestone } of milestones) byTask.get(taskId)?.milestones.push(milestone);
  for (const { taskId, ...report } of reports) byTask.get(taskId)?.reports.push(report);
  return rankingFactsOf({ units, tasks: [...byTask.values()], reportDueDay }, group, period, today);
}
