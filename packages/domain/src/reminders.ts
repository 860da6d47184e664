import { addDays, type IsoDate } from './calendar.ts';

/**
 * Whether a due date calls for a reminder today: `daysBefore` days before it ('before') and on
 * the day after it has passed ('after'); no other day.
 */
export function reminderDue(dueDate: IsoDate, today: IsoDate, daysBefore: number): 'before' | 'after' | null {
  if (addDays(today, daysBefore) === dueDate) return 'before';
  if (addDays(dueDate, 1) === today) return 'after';
  return null;
}
