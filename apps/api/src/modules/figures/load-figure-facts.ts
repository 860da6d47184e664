import type { Prisma } from '@reform/db';
import type { FigureFacts, RectificationFact, ReportFact, TaskFact } from '@reform/domain';
import type { Light, OutcomeKind, PilotStage, TaskList, TaskStatus } from '@reform/contracts';
import { loadLightSettings } from '../settings/load-light-settings.ts';
import type { UseCaseContext } from '../context.ts';

/** What the dashboard shows beside a task's figures (names, not facts). */
export interface TaskLabel {
  leadUnit: { id: number; name: string };
  leadLeader: string;
}

export interface LoadedFigureFacts {
  facts: FigureFacts;
  labels: Map<number, TaskLabel>;
}

interface TaskRow {
  id: number;
  code: string;
  title: string;
  list: TaskList;
  status: TaskStatus;
  field: string;
  lead_unit_id: number;
  lead_unit_name: string;
  lead_leader: string;
  special_group_id: number | null;
  light: Light;
  light_reason: string;
  start_date: string;
  deadline: string;
  stage: PilotStage | null;
  /** [id, name, due, done | null][] in timetable order. */
  milestones: [number, string, string, string | null][];
  /** [kind, delivered][] */
  outcomes: [OutcomeKind, number][];
  /** year, quarter, status, first submitted (Shanghai day), times submitted, own due day */
  reports: [number, number, string, string | null, number, string | null][];
}

interface RectificationRow {
  id: number;
  task_id: number;
  owner_unit_id: number;
  opened_on: string;
  deadline: string;
  closed_on: string | null;
}

/**
 * The facts behind every figure for the tasks `where` finds (the caller's scope filters,
 * `figureScopeFilters`, which start with the user's scope from policy.ts): the matching ids in
 * one statement, then every task with its milestones, outcomes, pilot stage and reports (from
 * the quarter `reportsFrom` on: a period needs the reports of the quarter before it) aggregated per task in one raw statement, its rectification items in
 * another, and the report due day. Dates arrive as Shanghai calendar days.
 */
export async function loadFigureFacts(
  ctx: Pick<UseCaseContext, 'db'>,
  where: Prisma.TaskWhereInput,
  reportsFrom: { year: number; quarter: number },
): Promise<LoadedFigureFacts> {
  const [idRows, settings] = await Promise.all([
    ctx.db.prisma.task.findMany({ where, select: { id: true } }),
    loadLightSettings(ctx.db),
  ]);
  const ids = idRows.map((row) => row.id);
  const [rows, rectificationRows] = await Promise.all([
    ctx.db.query<TaskRow>(
      `SELECT t.id, t.code, t.title, t.list, t.status, t.field, t.lead_unit_id, u.name AS lead_unit_name,
              t.lead_leader, t.special_group_id, t.light, t.light_reason,
              to_char(t.start_date, 'YYYY-MM-DD') AS start_date, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
              p.stage,
              COALESCE((SELECT json_agg(json_build_array(m.id, m.name, to_char(m.due_date, 'YYYY-MM-DD'), to_char(m.done_date, 'YYYY-MM-DD')) ORDER BY m.seq)
                        FROM milestone m WHERE m.task_id = t.id), '[]'::json) AS milestones,
              COALESCE((SELECT json_agg(json_build_array(o.kind, o.delivered_count))
                        FROM task_outcome o WHERE o.task_id = t.id), '[]'::json) AS outcomes,
              COALESCE((SELECT json_agg(json_build_array(r.year, r.quarter, r.status,
                                 to_char(COALESCE(r.first_submitted_at, r.submitted_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
                                 r.submission_count, to_char(r.due_date, 'YYYY-MM-DD')))
                        FROM progress_report r WHERE r.task_id = t.id AND (r.year, r.quarter) >= ($2::int, $3::int) AND r.status <> 'draft'), '[]'::json) AS reports
       FROM task t
       JOIN unit u ON u.id = t.lead_unit_id
       LEFT JOIN pilot_detail p ON p.task_id = t.id
       WHERE t.id = ANY($1::int[])`,
      [ids, reportsFrom.year, reportsFrom.quarter],
    ),
    ctx.db.query<RectificationRow>(
      `SELECT ri.id, i.task_id, ri.owner_unit_id, to_char(i.inspected_on, 'YYYY-MM-DD') AS opened_on,
              to_char(ri.deadline, 'YYYY-MM-DD') AS deadline,
              CASE WHEN ri.status = 'closed' THEN to_char(COALESCE(ri.closed_on, ri.deadline), 'YYYY-MM-DD') END AS closed_on
       FROM rectification_item ri JOIN inspection i ON i.id = ri.inspection_id
       WHERE i.task_id = ANY($1::int[])`,
      [ids],
    ),
  ]);

  const labels = new Map<number, TaskLabel>();
  const reports: ReportFact[] = [];
  const tasks = rows.map((row): TaskFact => {
    labels.set(row.id, { leadUnit: { id: row.lead_unit_id, name: row.lead_unit_name }, leadLeader: row.lead_leader });
    for (const report of row.reports) reports.push(reportFactOf(row.id, report));
    const milestones = row.milestones.map(([id, name, dueDate, doneDate]) => ({ id, name, dueDate, doneDate }));
    const finished = row.status === 'completed' || row.status === 'closed';
    // No completion date is recorded: a finished task finished with its last milestone (else at its deadline).
    const lastDone = milestones.reduce<string | null>((last, m) => (m.doneDate && (!last || m.doneDate > last) ? m.doneDate : last), null);
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      list: row.list,
      status: row.status,
      field: row.field,
      leadUnitId: row.lead_unit_id,
      specialGroupId: row.special_group_id,
      light: row.light,
      lightReason: row.light_reason,
      startDate: row.start_date,
      deadline: row.deadline,
      finishedOn: finished ? (lastDone ?? row.deadline) : null,
      milestones,
      outcomes: row.outcomes.map(([kind, delivered]) => ({ kind, delivered })),
      pilotStage: row.stage,
    };
  });
  const rectifications = rectificationRows.map(
    (r): RectificationFact => ({
      id: r.id,
      taskId: r.task_id,
      ownerUnitId: r.owner_unit_id,
      openedOn: r.opened_on,
      deadline: r.deadline,
      closedOn: r.closed_on,
    }),
  );
  return { facts: { tasks, reports, rectifications, reportDueDay: settings.reportDueDay }, labels };
}

/**
 * One report's facts: handed in on the day of its first submission, by its own due day (the
 * round's, when it has one); accepted at first submission when accepted after one submission, not
 * so once returned or submitted again; not yet reviewed, neither.
 */
function reportFactOf(
  taskId: number,
  [year, quarter, status, submittedOn, submissionCount, dueOn]: TaskRow['reports'][number],
): ReportFact {
  const resubmitted = status === 'returned' || submissionCount > 1;
  return {
    taskId,
    year,
    quarter,
    submittedOn,
    dueOn,
    acceptedAtFirstSubmission: resubmitted ? false : status === 'accepted' ? true : null,
  };
}
