import type { UseCaseContext } from '../context.ts';
import type { ReminderChannel } from './channels.ts';
import { sendDueReminders } from './send-due-reminders.ts';

/** The office sends today's due reminders now instead of waiting for the sweep (nothing is sent twice). */
export async function runReminders(ctx: UseCaseContext, channels: readonly ReminderChannel[]): Promise<{ sent: number; busy: boolean }> {
  const sent = await sendDueReminders(ctx.db, ctx.today, channels);
  return { sent: sent ?? 0, busy: sent === null };
}
