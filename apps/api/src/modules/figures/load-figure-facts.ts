import type { Prisma } from '@reform/db';
import { dateOfDayNumber, type FigureFacts, type RectificationFact, type ReportFact, type TaskFact } from '@reform/domain';
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
  /** Days since 1970-01-01 (`dayNumber`): PostgreSQL answers an integer, cheaper than writing a date. */
  start_day: number;
  deadline_day: number;
  stage: PilotStage | null;
}

interface MilestoneRow {
  task_id: number;
  id: number;
  name: string;
  due_day: number;
  done_day: number | null;
}

interface OutcomeRow {
  task_id: number;
  kind: OutcomeKind;
  delivered: number;
}

interface ReportRow {
  task_id: number;
  year: number;
  quarter: number;
  status: string;
  /** The Shanghai day of the first submission. */
  submitted_day: number | null;
  submission_count: number;
  /** The report's own due day (its round's), if it has one. */
  due_day: number | null;
}

interface RectificationRow {
  id: number;
  task_id: number;
  owner_unit_id: number;
  opened_on: string;
  deadline: string;
  closed_on: string | null;
}

/** `YYYY-MM-DD` of a day number, each distinct day worked out once per load. */
function dayWriter(): { (day: number): string; (day: number | null): string | null } {
  const known = new Map<number, string>();
  return ((day: number | null) => {
    if (day === null) return null;
    let iso = known.get(day);
    if (iso === undefined) {
      iso = dateOfDayNumber(day);
      known.set(day, iso);
    }
    return iso;
  }) as { (day: number): string; (day: number | null): string | null };
}

/** Rows of one task after another, by task id. */
function byTask<Row extends { task_id: number }>(rows: Row[]): Map<number, Row[]> {
  const out = new Map<number, Row[]>();
  for (const row of rows) {
    const list = out.get(row.task_id);
    if (list) list.push(row);
    else out.set(row.task_id, [row]);
  }
  return out;
}

/**
 * The facts behind every figure for the tasks `where` finds (the caller's scope filters,
 * `figureScopeFilters`, which start with the user's scope from policy.ts): the matching ids in
 * one statement, then flat statements sent at once — the tasks with their pilot stage, their
 * milestones, outcomes, reports (from the quarter `reportsFrom` on: a period needs the reports of
 * the quarter before it) and rectification items — and the report due day. Dates arrive as day
 * numbers and are written once per distinct day (per-task JSON aggregates and `to_char` on every
 * date cost about three times as much in PostgreSQL). Report days are Shanghai calendar days. Tasks
 * come in id order, so the id lists behind each figure are sorted in one pass.
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
  const [rows, milestoneRows, outcomeRows, reportRows, rectificationRows] = await Promise.all([
    ctx.db.query<TaskRow>(
      `SELECT t.id, t.code, t.title, t.list, t.status, t.field, t.lead_unit_id, u.name AS lead_unit_name,
              t.lead_leader, t.special_group_id, t.light, t.light_reason,
              t.start_date - DATE '1970-01-01' AS start_day, t.deadline - DATE '1970-01-01' AS deadline_day, p.stage
       FROM task t
       JOIN unit u ON u.id = t.lead_unit_id
       LEFT JOIN pilot_detail p ON p.task_id = t.id
       WHERE t.id = ANY($1::int[])
       ORDER BY t.id`,
      [ids],
    ),
    ctx.db.query<MilestoneRow>(
      `SELECT task_id, id, name, due_date - DATE '1970-01-01' AS due_day, done_date - DATE '1970-01-01' AS done_day
       FROM milestone WHERE task_id = ANY($1::int[]) ORDER BY task_id, seq`,
      [ids],
    ),
    ctx.db.query<OutcomeRow>(`SELECT task_id, kind, delivered_count AS delivered FROM task_outcome WHERE task_id = ANY($1::int[])`, [ids]),
    ctx.db.query<ReportRow>(
      `SELECT task_id, year, quarter, status::text AS status,
              (COALESCE(first_submitted_at, submitted_at) AT TIME ZONE 'Asia/Shanghai')::date - DATE '1970-01-01' AS submitted_day,
              submission_count, due_date - DATE '1970-01-01' AS due_day
       FROM progress_report
       WHERE task_id = ANY($1::int[]) AND (year, quarter) >= ($2::int, $3::int) AND status <> 'draft'`,
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

  const day = dayWriter();
  const milestonesOf = byTask(milestoneRows);
  const outcomesOf = byTask(outcomeRows);
  const labels = new Map<number, TaskLabel>();
  const reports = reportRows.map((row) => reportFactOf(row, day));
  const tasks = rows.map((row): TaskFact => {
    labels.set(row.id, { leadUnit: { id: row.lead_unit_id, name: row.lead_unit_name }, leadLeader: row.lead_leader });
    const milestones = (milestonesOf.get(row.id) ?? []).map((m) => ({ id: m.id, name: m.name, dueDate: day(m.due_day), doneDate: day(m.done_day) }));
    const finished = row.status === 'completed' || row.status === 'closed';
    const deadline = day(row.deadline_day);
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
      startDate: day(row.start_day),
      deadline,
      finishedOn: finished ? (lastDone ?? deadline) : null,
      milestones,
      outcomes: (outcomesOf.get(row.id) ?? []).map((o) => ({ kind: o.kind, delivered: o.delivered })),
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
function reportFactOf(row: ReportRow, day: ReturnType<typeof dayWriter>): ReportFact {
  const resubmitted = row.status === 'returned' || row.submission_count > 1;
  return {
    taskId: row.task_id,
    year: row.year,
    quarter: row.quarter,
    submittedOn: day(row.submitted_day),
    dueOn: day(row.due_day),
    acceptedAtFirstSubmission: resubmitted ? false : row.status === 'accepted' ? true : null,
  };
}
