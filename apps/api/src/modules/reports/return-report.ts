import type { TReportDetail, TReportReturnBody } from '@reform/contracts';
import { mayReviewReport } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { findReportInScope } from './find-report-in-scope.ts';
import { getReport } from './get-report.ts';
import { requireTransition } from './report-rules.ts';

/** Returns a submitted report to its unit with the reviewer's comment (required); the unit fixes and resubmits. */
export async function returnReport(ctx: UseCaseContext, id: number, body: TReportReturnBody): Promise<TReportDetail> {
  const report = await findReportInScope(ctx, id);
  if (!mayReviewReport(ctx.user, report)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getReport(ctx, id);
  await requireTransition(report.status, 'return', current);
  if (body.version !== report.version) await staleVersion(current);
  const now = new Date();
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.progressReport.updateMany({
        where: { id, version: body.version, status: 'submitted' },
        data: { status: 'returned', reviewComment: body.comment, reviewedAt: now, reviewerId: ctx.user.id, version: { increment: 1 } },
      }),
    current,
    rest: async (tx) => {
      await tx.progressReportVersion.updateMany({
        where: { reportId: id, seq: report.submissionCount },
        data: { reviewStatus: 'returned', reviewComment: body.comment },
      });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: report.taskId,
        action: 'report-return',
        changes: { report: { from: null, to: `${report.year}年第${report.quarter}季度报告被退回：${body.comment}` } },
        requestId: ctx.requestId,
      });
    },
  });
  return getReport(ctx, id);
}
