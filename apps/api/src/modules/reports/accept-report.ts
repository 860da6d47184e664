import type { TReportDetail, TReportVersionBody } from '@reform/contracts';
import { mayReviewReport } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { findReportInScope } from './find-report-in-scope.ts';
import { getReport } from './get-report.ts';
import { requireTransition } from './report-rules.ts';

/**
 * Accepts a submitted report: it becomes final, and when it is the task's latest accepted report
 * its percent becomes the task's progress. Of many reviewers deciding at once exactly one wins.
 */
export async function acceptReport(ctx: UseCaseContext, id: number, body: TReportVersionBody): Promise<TReportDetail> {
  const report = await findReportInScope(ctx, id);
  if (!mayReviewReport(ctx.user, report)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getReport(ctx, id);
  await requireTransition(report.status, 'accept', current);
  if (body.version !== report.version) await staleVersion(current);
  const now = new Date();
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.progressReport.updateMany({
        where: { id, version: body.version, status: 'submitted' },
        data: { status: 'accepted', reviewedAt: now, reviewerId: ctx.user.id, reviewComment: '', version: { increment: 1 } },
      }),
    current,
    rest: async (tx) => {
      await tx.progressReportVersion.updateMany({ where: { reportId: id, seq: report.submissionCount }, data: { reviewStatus: 'accepted' } });
      const later = await tx.progressReport.findFirst({
        where: {
          taskId: report.taskId,
          status: 'accepted',
          OR: [{ year: { gt: report.year } }, { year: report.year, quarter: { gt: report.quarter } }],
        },
        select: { id: true },
      });
      if (!later) await tx.task.updateMany({ where: { id: report.taskId }, data: { progress: report.percentComplete } });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: report.taskId,
        action: 'report-accept',
        changes: { report: { from: null, to: `${report.year}年第${report.quarter}季度报告已采纳，完成进度 ${report.percentComplete}%` } },
        requestId: ctx.requestId,
      });
    },
  });
  return getReport(ctx, id);
}
