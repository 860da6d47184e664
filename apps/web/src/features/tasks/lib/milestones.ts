import type { TMilestone } from '@reform/contracts';
import { daysBetween } from '@reform/domain';

/** A milestone due within this many days and not done is flagged as due soon. */
export const DUE_SOON_DAYS = 14;

export type MilestoneState =
  | { kind: 'done'; late: number }
  | { kind: 'overdue'; days: number }
  | { kind: 'due-soon'; days: number }
  | { kind: 'pending' };

export function milestoneState(milestone: TMilestone, today: string): MilestoneState {
  if (milestone.doneDate) return { kind: 'done', late: Math.max(0, daysBetween(milestone.dueDate, milestone.doneDate)) };
  const left = daysBetween(today, milestone.dueDate);
  if (left < 0) return { kind: 'overdue', days: -left };
  if (left <= DUE_SOON_DAYS) return { kind: 'due-soon', days: left };
  return { kind: 'pending' };
}

export function milestoneStateLabel(state: MilestoneState): string {
  switch (state.kind) {
    case 'done':
      return state.late > 0 ? `已完成（延迟 ${state.late} 天）` : '已完成';
    case 'overdue':
      return `已逾期 ${state.days} 天`;
    case 'due-soon':
      return state.days === 0 ? '今天到期' : `${state.days} 天后到期`;
    case 'pending':
      return '未到期';
  }
}
