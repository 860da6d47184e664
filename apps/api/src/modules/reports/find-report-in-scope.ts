import { reportScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';

/** The facts of a report a write needs, or 404 whether it is missing or outside the user's scope. */
export async function findReportInScope(ctx: UseCaseContext, id: number) {
  const report = await ctx.db.prisma.progressReport.findFirst({
    where: { AND: [{ id }, reportScope(ctx.user)] },
    select: {
      id: true,
      taskId: true,
      unitId: true,
      year: true,
      quarter: true,
      status: true,
      version: true,
      late: true,
      dueDate: true,
      submissionCount: true,
      firstSubmittedAt: true,
      progressText: true,
      outcomesText: true,
      problems: true,
      nextSteps: true,
      percentComplete: true,
      percentReason: true,
      round: { select: { dueDate: true } },
    },
  });
  if (!report) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return report;
}
export type ScopedReport = Awaited<ReturnType<typeof findReportInScope>>;
