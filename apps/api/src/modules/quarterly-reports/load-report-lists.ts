import type { Database } from '@reform/db';
import { quarterEnd, quarterStart, type Quarter } from '@reform/domain';
import type { ReportScope } from './report-request.ts';

/** The listed facts of a report (not figures): tasks with their quarter's report, rectifications, typical cases. */
export interface ReportLists {
  tasks: {
    id: number;
    code: string;
    title: string;
    list: 'mandate' | 'pilot' | 'innovation';
    group: string | null;
    leadUnit: string;
    leadLeader: string;
    light: 'red' | 'yellow' | 'green' | 'grey';
    /** YYYY-MM-DD */
    deadline: string;
    lightReason: string;
    /** The quarter's report, when there is one. */
    report: { status: 'draft' | 'submitted' | 'accepted' | 'returned'; percent: number; progress: string; problems: string; nextSteps: string } | null;
  }[];
  rectifications: { description: string; owner: string; deadline: string; openedOn: string; closedOn: string | null; opened: boolean; closed: boolean }[];
  cases: { title: string; summary: string; unit: string; level: 'city' | 'province' | 'nation' | null; promotedOn: string | null }[];
}

/** The SQL that narrows tasks (alias t, lead unit lu) to a scope, and its parameters from `$first`. */
export function taskScopeSql(scope: ReportScope, first: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'city':
      return { sql: 'TRUE', params: [] };
    case 'group':
      return { sql: `t.special_group_id = $${first}`, params: [scope.unitId] };
    case 'county':
      // As the dashboard's county filter: the task's lead unit is within the county.
      return { sql: `lu.path LIKE (SELECT c.path FROM unit c WHERE c.id = $${first}) || '%'`, params: [scope.unitId] };
  }
}

/** Units (alias u) within a scope: a county's subtree, a group's departments; the city: all. */
function unitScopeSql(scope: ReportScope, first: number): { sql: string; params: unknown[] } {
  if (scope.kind === 'city') return { sql: 'TRUE', params: [] };
  return { sql: `u.path LIKE (SELECT c.path FROM unit c WHERE c.id = $${first}) || '%'`, params: [scope.unitId] };
}

export async function loadReportLists(db: Database, quarter: Quarter, scope: ReportScope): Promise<ReportLists> {
  const from = quarterStart(quarter);
  const to = quarterEnd(quarter);
  const tasksScope = taskScopeSql(scope, 5);
  const tasks = await db.query<ReportLists['tasks'][number] & { report: ReportLists['tasks'][number]['report'] }>(
    `SELECT t.id, t.code, t.title, t.list::text AS list, g.name AS "group", lu.name AS "leadUnit", t.lead_leader AS "leadLeader",
            t.light::text AS light, t.light_reason AS "lightReason", t.deadline::text AS deadline,
            CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('status', r.status::text, 'percent', r.percent_complete,
              'progress', r.progress_text, 'problems', r.problems, 'nextSteps', r.next_steps) END AS report
     FROM task t
     JOIN unit lu ON lu.id = t.lead_unit_id
     LEFT JOIN unit g ON g.id = t.special_group_id
     LEFT JOIN progress_report r ON r.task_id = t.id AND r.year = $1 AND r.quarter = $2
     WHERE t.status <> 'draft' AND t.start_date <= $4::date
       AND NOT (t.status IN ('completed', 'closed') AND t.updated_at::date < $3::date)
       AND ${tasksScope.sql}
     ORDER BY t.list, g.sort_order NULLS LAST, g.name NULLS LAST, t.code`,
    [quarter.year, quarter.quarter, from, to, ...tasksScope.params],
  );
  const unitsScope = unitScopeSql(scope, 3);
  const groupTask = scope.kind === 'group' ? ` OR i.task_id IN (SELECT id FROM task WHERE special_group_id = $3)` : '';
  const rectifications = await db.query<ReportLists['rectifications'][number]>(
    `SELECT r.description, u.name AS owner, r.deadline::text AS deadline, i.inspected_on::text AS "openedOn", r.closed_on::text AS "closedOn",
            (i.inspected_on BETWEEN $1::date AND $2::date) AS opened,
            (r.status = 'closed' AND r.closed_on BETWEEN $1::date AND $2::date) AS closed
     FROM rectification_item r
     JOIN inspection i ON i.id = r.inspection_id
     JOIN unit u ON u.id = r.owner_unit_id
     WHERE ((i.inspected_on BETWEEN $1::date AND $2::date) OR (r.status = 'closed' AND r.closed_on BETWEEN $1::date AND $2::date))
       AND (${unitsScope.sql}${groupTask})
     ORDER BY i.inspected_on, r.id`,
    [from, to, ...unitsScope.params],
  );
  const cases = await db.query<ReportLists['cases'][number]>(
    `SELECT c.title, c.summary, u.name AS unit, c.promoted_level::text AS level, c.promoted_on::text AS "promotedOn"
     FROM typical_case c
     JOIN unit u ON u.id = c.unit_id
     WHERE coalesce(c.promoted_on, (c.created_at AT TIME ZONE 'Asia/Shanghai')::date) BETWEEN $1::date AND $2::date
       AND (${unitsScope.sql}${scope.kind === 'group' ? ' OR c.task_id IN (SELECT id FROM task WHERE special_group_id = $3)' : ''})
     ORDER BY c.promoted_on NULLS LAST, c.id`,
    [from, to, ...unitsScope.params],
  );
  return { tasks, rectifications, cases };
}
