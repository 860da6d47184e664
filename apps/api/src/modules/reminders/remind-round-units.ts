import type { TRoundReminders } from '@reform/contracts';
import { isoDate, shortChineseDate } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { getReportBoard } from '../reports/get-report-board.ts';
import { findRoundInScope } from '../reports/get-report-round.ts';
import { mayOpenRound } from '../../access/policy.ts';
import type { ReminderChannel } from './channels.ts';
import { deliverReminders, roundReminder } from './send-due-reminders.ts';

/**
 * 一键催报: reminds every unit of the round's board that still has reports missing, in the app and
 * through the configured channels. A unit already reminded about this round today is not
 * reminded again (the log's unique key), so pressing twice sends nothing the second time.
 */
export async function remindRoundUnits(ctx: UseCaseContext, roundId: number, channels: readonly ReminderChannel[]): Promise<TRoundReminders> {
  if (!mayOpenRound(ctx.user)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const round = await findRoundInScope(ctx, roundId);
  const board = await getReportBoard(ctx, roundId);
  const missing = board.units.filter((row) => row.missing > 0);
  const dueDate = isoDate(round.dueDate);
  const reminders = missing.map((row) =>
    roundReminder({ id: round.id, year: round.year, quarter: round.quarter, dueDate }, row.unit, row.missing, ctx.today),
  );
  const sent = await deliverReminders(ctx.db, ctx.today, reminders, channels);
  return {
    units: missing.length,
    sent,
    alreadyToday: missing.length - sent,
    message: missing.length === 0 ? '各单位均已报送，无需催报' : `已向 ${sent} 个单位发出催报提醒${missing.length > sent ? `，${missing.length - sent} 个单位今天已提醒过` : ''}（截止 ${shortChineseDate(dueDate)}）`,
  };
}
