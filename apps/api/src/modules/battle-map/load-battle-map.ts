import { TaskListEnum, type Light, type TaskList, type TBattleMap, type TBattleMapGroup, type TBattleMapQuery, type TBattleMapRow } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { milestoneState } from '@reform/domain';
import { taskScope, taskScopeKey } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { memoizedByFacts } from '../fact-version.ts';
import { refreshLights } from '../tasks/refresh-lights.ts';

interface UnitOfRow {
  id: number;
  name: string;
  sortOrder: number;
}

/** A task as the map's statement answers it: dates already `YYYY-MM-DD`, milestones as JSON. */
interface MapRow {
  id: number;
  code: string;
  title: string;
  list: TaskList;
  start: string;
  deadline: string;
  baselineStart: string | null;
  baselineDeadline: string | null;
  light: Light;
  lightReason: string;
  leadUnit: UnitOfRow;
  specialGroup: UnitOfRow | null;
  milestones: { name: string; dueDate: string; doneOn: string | null }[];
}

/**
 * What the map draws, for the tasks the scope query found, in one statement: PostgreSQL writes the
 * dates and gathers each task's milestones (in due order) as JSON, so 2,000 tasks with their
 * 16,000 milestones cost no object per date. The start date is frozen with the baseline (it moves
 * no more); the deadline is kept apart in `baseline_deadline`.
 */
const MAP_ROWS_SQL = `
SELECT t.id, t.code, t.title, t.list::text AS list,
       to_char(t.start_date, 'YYYY-MM-DD') AS start, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
       CASE WHEN t.baseline_approved_at IS NOT NULL THEN to_char(t.start_date, 'YYYY-MM-DD') END AS "baselineStart",
       CASE WHEN t.baseline_approved_at IS NOT NULL THEN to_char(coalesce(t.baseline_deadline, t.deadline), 'YYYY-MM-DD') END AS "baselineDeadline",
       t.light::text AS light, t.light_reason AS "lightReason",
       json_build_object('id', lu.id, 'name', lu.name, 'sortOrder', lu.sort_order) AS "leadUnit",
       CASE WHEN sg.id IS NULL THEN NULL ELSE json_build_object('id', sg.id, 'name', sg.name, 'sortOrder', sg.sort_order) END AS "specialGroup",
       coalesce((SELECT json_agg(json_build_object('name', m.name, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD'),
                                                   'doneOn', to_char(m.done_date, 'YYYY-MM-DD')) ORDER BY m.due_date, m.seq)
                 FROM milestone m WHERE m.task_id = t.id), '[]'::json) AS milestones
FROM task t
JOIN unit lu ON lu.id = t.lead_unit_id
LEFT JOIN unit sg ON sg.id = t.special_group_id
WHERE t.id = ANY($1::int[])
ORDER BY t.code`;

interface GroupOf {
  key: string;
  label: string;
  /** Groups are shown in this order. */
  rank: readonly [number, number];
}

const NO_GROUP = 'none';

function groupOf(row: MapRow, groupBy: TBattleMapQuery['groupBy']): GroupOf {
  switch (groupBy) {
    case 'list':
      return { key: row.list, label: TaskListEnum.labels[row.list], rank: [TaskListEnum.values.indexOf(row.list), 0] };
    case 'specialGroup':
      return row.specialGroup
        ? { key: String(row.specialGroup.id), label: row.specialGroup.name, rank: [row.specialGroup.sortOrder, row.specialGroup.id] }
        : { key: NO_GROUP, label: '未归口专项小组', rank: [Number.MAX_SAFE_INTEGER, 0] };
    case 'leadUnit':
      return { key: String(row.leadUnit.id), label: row.leadUnit.name, rank: [row.leadUnit.sortOrder, row.leadUnit.id] };
  }
}

const byRank = (a: GroupOf, b: GroupOf) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1];

/**
 * The battle map (挂图作战): every task in the user's scope with its timetable, its frozen baseline,
 * its milestones marked done / late / due (`milestoneState`) and its light with the reason, grouped
 * by list, special group or lead unit. Two statements: the scope and filters pick the task ids
 * (the policy's `taskScope`, as every task read), then one statement reads what the map draws.
 * The unit filter (as on the task list) takes in the unit's subtree and costs one more. The answer
 * is kept per fact version, day, query and the caller's scope (`memoizedByFacts`).
 */
export async function loadBattleMap(ctx: UseCaseContext, query: TBattleMapQuery): Promise<TBattleMap> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  return memoizedByFacts(ctx, ['battle-map', taskScopeKey(ctx.user), query], () => drawBattleMap(ctx, query), (map) => map.rows.length);
}

async function drawBattleMap(ctx: UseCaseContext, query: TBattleMapQuery): Promise<TBattleMap> {
  const filters: Prisma.TaskWhereInput[] = [taskScope(ctx.user)];
  if (query.list) filters.push({ list: query.list });
  if (query.specialGroupId) filters.push({ specialGroupId: query.specialGroupId });
  if (query.unitId) {
    const unit = await ctx.db.prisma.unit.findUnique({ where: { id: query.unitId }, select: { path: true } });
    filters.push({ leadUnit: { path: { startsWith: unit?.path ?? '/none/' } } });
  }
  const ids = await ctx.db.prisma.task.findMany({ where: { AND: filters }, select: { id: true } });
  const tasks = ids.length === 0 ? [] : await ctx.db.query<MapRow>(MAP_ROWS_SQL, [ids.map((task) => task.id)]);

  const groups = new Map<string, GroupOf & { taskCount: number }>();
  const placed = tasks.map((task) => {
    const group = groupOf(task, query.groupBy);
    const known = groups.get(group.key);
    if (known) known.taskCount += 1;
    else groups.set(group.key, { ...group, taskCount: 1 });
    return { group, row: toRow(task, group.key, ctx.today) };
  });
  // Stable: within a group the rows keep their code order.
  placed.sort((a, b) => byRank(a.group, b.group));
  const ordered: TBattleMapGroup[] = [...groups.values()].sort(byRank).map(({ key, label, taskCount }) => ({ key, label, taskCount }));
  return { today: ctx.today, groupBy: query.groupBy, groups: ordered, rows: placed.map((p) => p.row) };
}

function toRow(task: MapRow, groupKey: string, today: string): TBattleMapRow {
  return {
    id: task.id,
    code: task.code,
    title: task.title,
    list: task.list,
    groupKey,
    start: task.start,
    deadline: task.deadline,
    baselineStart: task.baselineStart,
    baselineDeadline: task.baselineDeadline,
    light: task.light,
    lightReason: task.lightReason,
    milestones: task.milestones.map((m) => ({ ...m, state: milestoneState({ dueDate: m.dueDate, doneDate: m.doneOn }, today) })),
  };
}
