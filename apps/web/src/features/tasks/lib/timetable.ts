import type { TMilestone, TTaskDetail } from '@reform/contracts';
import { daysBetween } from '@reform/domain';

const signed = (days: number) => (days > 0 ? `+${days}` : String(days));

/** 「基线 2026-12-31，已调整 +30 天」 when the current date moved away from the frozen baseline; else null. */
export function shiftFromBaseline(baseline: string | null, current: string): string | null {
  if (!baseline || baseline === current) return null;
  return `基线 ${baseline}，已调整 ${signed(daysBetween(baseline, current))} 天`;
}

export function baselineShift(milestone: Pick<TMilestone, 'dueDate' | 'baselineDueDate'>): string | null {
  return shiftFromBaseline(milestone.baselineDueDate, milestone.dueDate);
}

/** The task's deadline against its frozen baseline, as for a milestone. */
export function deadlineShift(task: Pick<TTaskDetail, 'deadline' | 'baselineDeadline'>): string | null {
  return shiftFromBaseline(task.baselineDeadline, task.deadline);
}

/** Days a done milestone was completed after its current due date (0 when on time or not done). */
export function lateDays(milestone: Pick<TMilestone, 'dueDate' | 'doneDate'>): number {
  return milestone.doneDate ? Math.max(0, daysBetween(milestone.dueDate, milestone.doneDate)) : 0;
}

/** A date change as a person reads it: 「2026-09-30 → 2026-10-30（+30 天）」. */
export function describeChange(from: string, to: string): string {
  return `${from} → ${to}（${signed(daysBetween(from, to))} 天）`;
}
