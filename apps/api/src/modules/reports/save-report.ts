import type { TReportSaveBody, TReportSaved } from '@reform/contracts';
import { checkPercent } from '@reform/domain';
import { mayFillReport } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { badRequest } from '../bad-request.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { findReportInScope } from './find-report-in-scope.ts';
import { getReport } from './get-report.ts';
import { previousAcceptedPercent, requireTransition } from './report-rules.ts';

/**
 * Saves a draft (the browser autosaves every few seconds): any subset of the fields, only from the
 * version the user saw, only while the report is a draft or returned. Nothing is audited here:
 * every submitted version is kept, and the submission is what the history tells.
 */
export async function saveReport(ctx: UseCaseContext, id: number, body: TReportSaveBody): Promise<TReportSaved> {
  const report = await findReportInScope(ctx, id);
  if (!mayFillReport(ctx.user, report)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getReport(ctx, id);
  await requireTransition(report.status, 'save', current);
  if (body.version !== report.version) await staleVersion(current);
  const { version, ...fields } = body;
  if (fields.percentComplete !== undefined) {
    const floor = await previousAcceptedPercent(ctx.db.prisma, report);
    const check = checkPercent(fields.percentComplete, floor, fields.percentReason ?? report.percentReason);
    if (!check.ok) throw badRequest('percentReason', check.reason, 'Say why the percent fell below the last accepted report');
  }
  const saved = await versionedWrite(ctx, {
    claim: (tx) =>
      tx.progressReport.updateMany({
        where: { id, version, status: { in: ['draft', 'returned'] } },
        data: { ...fields, version: { increment: 1 } },
      }),
    current,
    rest: (tx) => tx.progressReport.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, status: true, updatedAt: true } }),
  });
  return { ...saved, updatedAt: saved.updatedAt.toISOString() };
}
