import type { TMilestone } from '@reform/contracts';
import { daysBetween } from '@/lib/dates';

const signed = (days: number) => (days > 0 ? `+${days}` : String(days));

/** 「基线 2026-12-31，已调整 +30 天」 when the current date moved away from the frozen baseline; else null. */
export function baselineShift(milestone: Pick<TMilestone, 'dueDate' | 'baselineDueDate'>): string | null {
  if (!milestone.baselineDueDate || milestone.baselineDueDate === milestone.dueDate) return null;
  return `基线 ${milestone.baselineDueDate}，已调整 ${signed(daysBetween(milestone.baselineDueDate, milestone.dueDate))} 天`;
}

/** Days a done milestone was completed after its current due date (0 when on time or not done). */
export function lateDays(milestone: Pick<TMilestone, 'dueDate' | 'doneDate'>): number {
  return milestone.doneDate ? Math.max(0, daysBetween(milestone.dueDate, milestone.doneDate)) : 0;
}

/** A date change as a person reads it: 「2026-09-30 → 2026-10-30（+30 天）」. */
export function describeChange(from: string, to: string): string {
  return `${from} → ${to}（${signed(daysBetween(from, to))} 天）`;
}
