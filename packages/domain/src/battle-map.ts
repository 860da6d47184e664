import type { TMilestoneState } from '@reform/contracts';
import type { IsoDate } from './calendar.ts';

/**
 * A milestone's mark on the battle map (挂图作战), as the status light reads dates (a date's whole
 * day counts: due today is not yet late):
 * - done: done on or before its due date;
 * - late: done after its due date, or its due date has passed undone;
 * - due: undone and its due date is today or later.
 */
export function milestoneState(milestone: { dueDate: IsoDate; doneDate: IsoDate | null }, today: IsoDate): TMilestoneState {
  if (milestone.doneDate !== null) return milestone.doneDate <= milestone.dueDate ? 'done' : 'late';
  return milestone.dueDate < today ? 'late' : 'due';
}
