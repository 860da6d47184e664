import type { TReportDetail, TReportVersionBody } from '@reform/contracts';
import { checkPercent, isLateOn } from '@reform/domain';
import { mayFillReport } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText, type FieldProblem } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from '../tasks/refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { findReportInScope } from './find-report-in-scope.ts';
import { getReport } from './get-report.ts';
import { dueDateOf, previousAcceptedPercent, requireTransition } from './report-rules.ts';

/**
 * Submits a draft or returned report: the version is kept, a submission after the end of the due
 * day (Asia/Shanghai, the app's today) is late and stays late, and the task's light is recomputed
 * (its "report late" reason clears).
 */
export async function submitReport(ctx: UseCaseContext, id: number, body: TReportVersionBody): Promise<TReportDetail> {
  const report = await findReportInScope(ctx, id);
  if (!mayFillReport(ctx.user, report)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getReport(ctx, id);
  await requireTransition(report.status, 'submit', current);
  if (body.version !== report.version) await staleVersion(current);

  const problems: FieldProblem[] = [];
  if (report.progressText.trim() === '') problems.push({ path: 'progressText', message: { zh: '请填写工作进展', en: 'Describe the progress' } });
  if (report.nextSteps.trim() === '') problems.push({ path: 'nextSteps', message: { zh: '请填写下步打算', en: 'Describe the next steps' } });
  const floor = await previousAcceptedPercent(ctx.db.prisma, report);
  const check = checkPercent(report.percentComplete, floor, report.percentReason);
  if (!check.ok) problems.push({ path: 'percentReason', message: { zh: check.reason, en: 'Say why the percent fell' } });
  if (problems.length > 0) throw new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: problems });

  const dueDate = await dueDateOf(ctx, report);
  const late = report.late || isLateOn(dueDate, ctx.today);
  const now = new Date();
  const seq = report.submissionCount + 1;
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.progressReport.updateMany({
        where: { id, version: body.version, status: { in: ['draft', 'returned'] } },
        data: {
          status: 'submitted',
          submittedAt: now,
          submittedById: ctx.user.id,
          late,
          submissionCount: seq,
          firstSubmittedAt: report.firstSubmittedAt ?? now,
          version: { increment: 1 },
        },
      }),
    current,
    rest: async (tx) => {
      await tx.progressReportVersion.create({
        data: {
          reportId: id,
          seq,
          progressText: report.progressText,
          outcomesText: report.outcomesText,
          problems: report.problems,
          nextSteps: report.nextSteps,
          percentComplete: report.percentComplete,
          percentReason: report.percentReason,
          late,
          submittedAt: now,
          submittedById: ctx.user.id,
        },
      });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: report.taskId,
        action: 'report-submit',
        changes: {
          report: { from: null, to: `${report.year}年第${report.quarter}季度报告第 ${seq} 次报送${late ? '（逾期）' : ''}` },
          percentComplete: { from: null, to: report.percentComplete },
        },
        requestId: ctx.requestId,
      });
      await tx.task.updateMany({ where: { id: report.taskId }, data: { lightAsOf: null } });
      await refreshTaskLights(tx, ctx.today, [report.taskId]);
    },
  });
  return getReport(ctx, id);
}
