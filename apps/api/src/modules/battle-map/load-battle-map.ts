import { TaskListEnum, type TBattleMap, type TBattleMapGroup, type TBattleMapQuery, type TBattleMapRow } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { isoDate, isoDateOrNull, milestoneState } from '@reform/domain';
import { taskScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshLights } from '../tasks/refresh-lights.ts';

const unitRef = { select: { id: true, name: true, sortOrder: true } } as const;

/** What the map draws, no more: one statement with the units and milestones joined in. */
const battleMapSelect = {
  id: true,
  code: true,
  title: true,
  list: true,
  startDate: true,
  deadline: true,
  baselineApprovedAt: true,
  baselineDeadline: true,
  light: true,
  lightReason: true,
  leadUnit: unitRef,
  specialGroup: unitRef,
  milestones: { orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }], select: { name: true, dueDate: true, doneDate: true } },
} satisfies Prisma.TaskSelect;
type Row = Prisma.TaskGetPayload<{ select: typeof battleMapSelect }>;

interface GroupOf {
  key: string;
  label: string;
  /** Groups are shown in this order. */
  rank: readonly [number, number];
}

const NO_GROUP = 'none';

function groupOf(row: Row, groupBy: TBattleMapQuery['groupBy']): GroupOf {
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
 * by list, special group or lead unit. The tasks come from one joined statement in code order;
 * the unit filter (as on the task list) takes in the unit's subtree and costs one more.
 */
export async function loadBattleMap(ctx: UseCaseContext, query: TBattleMapQuery): Promise<TBattleMap> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  const filters: Prisma.TaskWhereInput[] = [taskScope(ctx.user)];
  if (query.list) filters.push({ list: query.list });
  if (query.specialGroupId) filters.push({ specialGroupId: query.specialGroupId });
  if (query.unitId) {
    const unit = await ctx.db.prisma.unit.findUnique({ where: { id: query.unitId }, select: { path: true } });
    filters.push({ leadUnit: { path: { startsWith: unit?.path ?? '/none/' } } });
  }
  const tasks = await ctx.db.prisma.task.findMany({
    relationLoadStrategy: 'join',
    where: { AND: filters },
    select: battleMapSelect,
    orderBy: { code: 'asc' },
  });

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

function toRow(task: Row, groupKey: string, today: string): TBattleMapRow {
  const baselined = task.baselineApprovedAt !== null;
  return {
    id: task.id,
    code: task.code,
    title: task.title,
    list: task.list,
    groupKey,
    start: isoDate(task.startDate),
    deadline: isoDate(task.deadline),
    // The start date is frozen with the baseline (it moves no more), the deadline is kept apart.
    baselineStart: baselined ? isoDate(task.startDate) : null,
    baselineDeadline: baselined ? (isoDateOrNull(task.baselineDeadline) ?? isoDate(task.deadline)) : null,
    light: task.light,
    lightReason: task.lightReason,
    milestones: task.milestones.map((m) => {
      const dueDate = isoDate(m.dueDate);
      const doneOn = isoDateOrNull(m.doneDate);
      return { name: m.name, dueDate, doneOn, state: milestoneState({ dueDate, doneDate: doneOn }, today) };
    }),
  };
}
