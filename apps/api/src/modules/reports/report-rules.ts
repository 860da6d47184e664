import { reportTransition, defaultRoundDueDate, isoDate, type ReportAction, type ReportState } from '@reform/domain';
import type { Prisma } from '@reform/db';
import { AppError, AppErrorCode } from '../../errors.ts';
import { loadLightSettings } from '../settings/load-light-settings.ts';
import type { UseCaseContext } from '../context.ts';
import type { ScopedReport } from './find-report-in-scope.ts';

/**
 * The state machine's answer, or the 409 with its reason and the record as it is now (an illegal
 * transition is a conflict with the current state, as with two reviewers deciding at once).
 */
export async function requireTransition(from: ReportState, action: ReportAction, current: () => Promise<unknown>): Promise<ReportState> {
  const result = reportTransition(from, action);
  if (result.ok) return result.to;
  throw new AppError(AppErrorCode.Conflict, { zh: result.reason, en: `A ${from} report cannot be ${action === 'save' ? 'saved' : `${action}ed`}` }, { current: await current() });
}

/** The report's due date: its round's, else the settings' day after the quarter. */
export async function dueDateOf(ctx: UseCaseContext, report: Pick<ScopedReport, 'dueDate' | 'round' | 'year' | 'quarter'>): Promise<string> {
  if (report.dueDate) return isoDate(report.dueDate);
  if (report.round) return isoDate(report.round.dueDate);
  const settings = await loadLightSettings(ctx.db);
  return defaultRoundDueDate({ year: report.year, quarter: report.quarter as 1 | 2 | 3 | 4 }, settings.reportDueDay);
}

/** The latest accepted report of the task before this quarter: the floor for percent complete. */
export async function previousAcceptedPercent(
  db: Pick<Prisma.TransactionClient, 'progressReport'>,
  report: { taskId: number; year: number; quarter: number },
): Promise<number | null> {
  const previous = await db.progressReport.findFirst({
    where: {
      taskId: report.taskId,
      status: 'accepted',
      OR: [{ year: { lt: report.year } }, { year: report.year, quarter: { lt: report.quarter } }],
    },
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
    select: { percentComplete: true },
  });
  return previous?.percentComplete ?? null;
}
