// The floors the figure benchmarks measure against: the same aggregate written as ONE raw SQL
// statement, sent through `pg` (the raw pool of packages/db), the least any implementation must pay
// to read the facts. Shared by scripts/bench/{dashboard,ranking,battle-map,figures-memo}.ts.
import type { Database } from '../../packages/db/src/index.ts';

/**
 * The dashboard's quarter: tasks in play, overdue milestones and tasks, milestones due and on time,
 * reports owed and on time, open rectifications, the 100 red and yellow tasks.
 * Parameters: period from, as of, the previous quarter's year and quarter, the report due day.
 */
export const dashboardFloorSql = `
  WITH t AS (
    SELECT id, status, start_date, deadline FROM task
    WHERE status <> 'draft' AND start_date <= $2::date
  ), m AS (
    SELECT m.task_id, m.due_date, m.done_date FROM milestone m JOIN t ON t.id = m.task_id
  )
  SELECT
    (SELECT count(*) FROM t) AS tasks,
    (SELECT count(*) FROM t WHERE status IN ('active') AND deadline <= $2::date) AS overdue_tasks,
    (SELECT count(*) FROM m WHERE due_date <= $2::date AND (done_date IS NULL OR done_date > $2::date)) AS overdue_milestones,
    (SELECT count(*) FROM m WHERE due_date BETWEEN $1::date AND $2::date) AS milestones_due,
    (SELECT count(*) FROM m WHERE due_date BETWEEN $1::date AND $2::date AND done_date <= due_date) AS milestones_on_time,
    (SELECT count(*) FROM progress_report r JOIN t ON t.id = r.task_id
      WHERE r.year = $3 AND r.quarter = $4 AND r.status <> 'draft') AS reports,
    (SELECT count(*) FROM progress_report r JOIN t ON t.id = r.task_id
      WHERE r.year = $3 AND r.quarter = $4 AND r.submitted_at < ($5::date + 11)) AS reports_on_time,
    (SELECT count(*) FROM rectification_item WHERE status = 'open') AS rectifications_open,
    (SELECT json_agg(x) FROM (SELECT id, light, light_reason FROM task WHERE light IN ('red','yellow') ORDER BY light, deadline LIMIT 100) x) AS attention`;

/** The dashboard floor's parameters for a period (`periodOf`) of the current quarter. */
export function dashboardFloorParams(period: { from: string; asOf: string }, quarter: { year: number; quarter: number }) {
  const previous = quarter.quarter === 1 ? { year: quarter.year - 1, quarter: 4 } : { year: quarter.year, quarter: quarter.quarter - 1 };
  // The previous quarter's report falls due inside this quarter.
  return [period.from, period.asOf, previous.year, previous.quarter, period.from];
}

/** The ranking: 2026 Q3 (the Q2 report due 2026-07-10), departments, default formula (40/30/30, 2 per overdue milestone). */
export const rankingFloorSql = `
WITH fin AS (
  SELECT t.id, t.lead_unit_id, t.status,
         CASE WHEN t.status IN ('completed', 'closed') THEN COALESCE((SELECT max(m.done_date) FROM milestone m WHERE m.task_id = t.id), t.deadline) END AS finished_on,
         t.start_date
    FROM task t JOIN unit u ON u.id = t.lead_unit_id AND u.kind = 'department'
   WHERE t.status <> 'draft'),
inplay AS (SELECT * FROM fin WHERE start_date <= $2 AND (finished_on IS NULL OR finished_on >= $1)),
ms AS (
  SELECT i.lead_unit_id,
         count(*) FILTER (WHERE m.due_date BETWEEN $1 AND $2) AS due,
         count(*) FILTER (WHERE m.due_date BETWEEN $1 AND $2 AND m.done_date <= m.due_date) AS on_time,
         count(*) FILTER (WHERE i.status <> 'suspended' AND (i.finished_on IS NULL OR i.finished_on > $2)
                            AND m.due_date <= $2 AND (m.done_date IS NULL OR m.done_date > $2)) AS overdue
    FROM inplay i JOIN milestone m ON m.task_id = i.id GROUP BY 1),
comp AS (SELECT lead_unit_id, count(*) AS in_play, count(*) FILTER (WHERE finished_on <= $2) AS finished FROM inplay GROUP BY 1),
rep AS (
  SELECT f.lead_unit_id, count(*) AS expected,
         count(*) FILTER (WHERE to_char(r.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') <= $5) AS on_time
    FROM fin f LEFT JOIN progress_report r ON r.task_id = f.id AND r.year = 2026 AND r.quarter = 2 AND r.status <> 'draft'
   WHERE f.start_date <= $4 AND (f.finished_on IS NULL OR f.finished_on >= $3)
   GROUP BY 1)
SELECT u.id, u.name,
       CASE WHEN COALESCE(ms.due, 0) = 0 THEN 4000 ELSE round(4000.0 * ms.on_time / ms.due) END
     + CASE WHEN COALESCE(comp.in_play, 0) = 0 THEN 3000 ELSE round(3000.0 * comp.finished / comp.in_play) END
     + CASE WHEN COALESCE(rep.expected, 0) = 0 THEN 3000 ELSE round(3000.0 * rep.on_time / rep.expected) END
     - 200 * COALESCE(ms.overdue, 0) AS score_hundredths
  FROM unit u LEFT JOIN ms ON ms.lead_unit_id = u.id LEFT JOIN comp ON comp.lead_unit_id = u.id LEFT JOIN rep ON rep.lead_unit_id = u.id
 WHERE u.kind = 'department'
 ORDER BY score_hundredths DESC, u.name`;
export const rankingFloorParams = ['2026-07-01', '2026-09-30', '2026-04-01', '2026-06-30', '2026-07-10'];

/** The whole answer's rows as one statement: what the loader's Prisma query and shaping are measured against. */
export const battleMapFloorSql = (scoped: boolean) => `
SELECT coalesce(json_agg(r ORDER BY r.rank, r.code), '[]') AS rows FROM (
  SELECT t.id, t.code, t.title, t.list, array_position(ARRAY['mandate','pilot','innovation'], t.list::text) AS rank,
         to_char(t.start_date, 'YYYY-MM-DD') AS start, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
         CASE WHEN t.baseline_approved_at IS NOT NULL THEN to_char(t.start_date, 'YYYY-MM-DD') END AS "baselineStart",
         CASE WHEN t.baseline_approved_at IS NOT NULL THEN to_char(coalesce(t.baseline_deadline, t.deadline), 'YYYY-MM-DD') END AS "baselineDeadline",
         t.light, t.light_reason AS "lightReason",
         coalesce((SELECT json_agg(json_build_object(
                     'name', m.name, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD'), 'doneOn', to_char(m.done_date, 'YYYY-MM-DD'),
                     'state', CASE WHEN m.done_date IS NOT NULL THEN CASE WHEN m.done_date <= m.due_date THEN 'done' ELSE 'late' END
                                   WHEN m.due_date < $1::date THEN 'late' ELSE 'due' END) ORDER BY m.due_date, m.seq)
                   FROM milestone m WHERE m.task_id = t.id), '[]') AS milestones
  FROM task t
  ${scoped ? `WHERE EXISTS (SELECT 1 FROM task_unit tu WHERE tu.task_id = t.id
                 AND ((tu.role IN ('lead', 'cooperating', 'applicant') AND tu.unit_id = ANY($2::int[])) OR (tu.role = 'mentioned' AND tu.unit_id = $3)))` : ''}
) r`;

/** The battle-map floor's county scope (嘉善县, as its reform office sees it): its units and the office. */
export async function countyFloorScope(db: Database): Promise<{ countyUnits: number[]; officeId: number }> {
  const county = await db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' }, select: { path: true } });
  const office = await db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县委改革办' }, select: { id: true } });
  const countyUnits = (await db.prisma.unit.findMany({ where: { path: { startsWith: county.path } }, select: { id: true } })).map((u) => u.id);
  return { countyUnits, officeId: office.id };
}
