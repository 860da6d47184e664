import {
  PilotStageEnum,
  TaskLevelEnum,
  TaskPriorityEnum,
  TaskStatusEnum,
  taskFieldLabels,
  taskStatusActions,
  type THistoryEntry,
} from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { personLabel, personSelect } from '../people.ts';
import { statusAuditAction } from '../tasks/change-task-status.ts';
import { PILOT_EXTENSION_ACTION } from '../tasks/extend-pilot.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { taskBookLines } from './task-book-lines.ts';

const actionLabels: Record<string, string> = {
  ...Object.fromEntries(taskStatusActions.map((action) => [statusAuditAction(action.key), action.historyLabel])),
  create: '新建任务',
  update: '修改任务',
  milestones: '修改时间节点',
  baseline: '审定时间表，冻结基线',
  'milestone-done': '完成节点',
  'adjustment-requested': '提交时间表调整申请',
  'adjustment-approved': '同意时间表调整',
  'adjustment-refused': '不同意时间表调整',
  [PILOT_EXTENSION_ACTION]: '试点延期',
  evidence: '上传佐证材料',
  inspection: '记录督察',
  'rectification-add': '下发整改事项',
  'rectification-respond': '反馈整改情况',
  'rectification-close': '整改事项销号',
  'rectification-reopen': '重新打开整改事项',
};

/** Names the history uses beyond the task's own fields. */
const fieldLabels: Record<string, string> = { ...taskFieldLabels, evidence: '佐证材料' };

type Change = { from: unknown; to: unknown };

const unitFields = new Set(['leadUnitId', 'specialGroupId', 'cooperatingUnitIds', 'originatingUnitId', 'pilot.applyingCountyId']);

/** Fields holding an enumeration's value, told by its Chinese label. */
const enumLabels: Record<string, Record<string, string>> = {
  status: TaskStatusEnum.labels,
  level: TaskLevelEnum.labels,
  priority: TaskPriorityEnum.labels,
  issuingLevel: TaskLevelEnum.labels,
  'pilot.approvingLevel': TaskLevelEnum.labels,
  'pilot.stage': PilotStageEnum.labels,
};

function show(value: unknown, unitNames: Map<number, string>, field: string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (unitFields.has(field)) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => unitNames.get(Number(id)) ?? `#${id}`).join('、') || '（空）';
  }
  const labels = enumLabels[field];
  if (labels) return labels[String(value)] ?? String(value);
  if (Array.isArray(value)) return value.join('；') || '（空）';
  return String(value);
}

/** The stored changes come back in the database's key order; a reason reads best after what it explains. */
function reasonLast<T>(entries: [string, T][]): [string, T][] {
  return [...entries.filter(([field]) => field !== 'reason'), ...entries.filter(([field]) => field === 'reason')];
}

function fieldLines(field: string, change: Change, unitNames: Map<number, string>): string[] {
  const label = fieldLabels[field] ?? field;
  const rowLines = taskBookLines(field, label, change);
  if (rowLines) return rowLines;
  if (change.from === null || change.from === undefined) return [`${label}：${show(change.to, unitNames, field)}`];
  return [`${label}：由“${show(change.from, unitNames, field)}”改为“${show(change.to, unitNames, field)}”`];
}

/** One entry's lines; an extension reads as one sentence first ("试点延期至 2028-06-30：理由"), then what it moved. */
function linesOf(action: string, changes: Record<string, Change>, unitNames: Map<number, string>): string[] {
  const extension = action === PILOT_EXTENSION_ACTION ? changes['pilot.extendedTo'] : undefined;
  const told = extension ? new Set(['pilot.extendedTo', 'reason']) : new Set<string>();
  const lead = extension ? [`试点延期至 ${String(extension.to)}：${String(changes.reason?.to ?? '')}`] : [];
  const rest = reasonLast(Object.entries(changes)).filter(([field]) => !told.has(field));
  return [...lead, ...rest.flatMap(([field, change]) => fieldLines(field, change, unitNames))];
}

/** The task's audit log told in words: who changed what, when, from what to what. */
export async function getTaskHistory(ctx: UseCaseContext, taskId: number): Promise<THistoryEntry[]> {
  await findTaskInScope(ctx, taskId);
  const rows = await ctx.db.prisma.auditLog.findMany({
    where: { entity: 'task', entityId: String(taskId) },
    include: { actor: personSelect },
    orderBy: { id: 'desc' },
  });
  const unitIds = new Set<number>();
  for (const row of rows) {
    for (const [field, change] of Object.entries(row.changes as Record<string, Change>)) {
      if (!unitFields.has(field)) continue;
      for (const value of [change.from, change.to].flat()) if (typeof value === 'number') unitIds.add(value);
    }
  }
  const units = await ctx.db.prisma.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, name: true } });
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actor ? personLabel(row.actor) : '系统',
    // Every word a user reads is Chinese, also for an action written by a newer version.
    action: actionLabels[row.action] ?? '其他变更',
    lines: linesOf(row.action, row.changes as Record<string, Change>, unitNames),
  }));
}
