import type { Prisma } from '@reform/db';
import type { TReportDetail } from '@reform/contracts';
import { mayReviewReport } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { findReportInScope } from './find-report-in-scope.ts';
import { getReport } from './get-report.ts';
import { requireTransition } from './report-rules.ts';

type ReviewedReport = Awaited<ReturnType<typeof findReportInScope>>;

interface Decision {
  action: 'accept' | 'return';
  status: 'accepted' | 'returned';
  comment: string;
  /** The history line, in words. */
  history: (report: ReviewedReport) => string;
  /** What else the decision changes, in the same transaction after the claim. */
  also?: (tx: Prisma.TransactionClient, report: ReviewedReport) => Promise<void>;
}

/**
 * A reviewer's decision on a submitted report (the city office, or the county office over the
 * unit): the transition rule first, then one versioned write, so of many reviewers deciding at
 * once exactly one wins and the rest get 409 with the current record. The submission's version
 * row keeps the decision; the task's history says it in words.
 */
export async function reviewReport(ctx: UseCaseContext, id: number, version: number, decision: Decision): Promise<TReportDetail> {
  const report = await findReportInScope(ctx, id);
  if (!mayReviewReport(ctx.user, report)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getReport(ctx, id);
  await requireTransition(report.status, decision.action, current);
  if (version !== report.version) await staleVersion(current);
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.progressReport.updateMany({
        where: { id, version, status: 'submitted' },
        data: { status: decision.status, reviewComment: decision.comment, reviewedAt: new Date(), reviewerId: ctx.user.id, version: { increment: 1 } },
      }),
    current,
    rest: async (tx) => {
      await tx.progressReportVersion.updateMany({
        where: { reportId: id, seq: report.submissionCount },
        data: { reviewStatus: decision.status, ...(decision.comment ? { reviewComment: decision.comment } : {}) },
      });
      await decision.also?.(tx, report);
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: report.taskId,
        action: `report-${decision.action}`,
        changes: { report: { from: null, to: decision.history(report) } },
        requestId: ctx.requestId,
      });
    },
  });
  return getReport(ctx, id);
}
