import type { TReportContribution, TReportContributionBody } from '@reform/contracts';
import { reportTransition } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion } from '../versioned-write.ts';
import { findReportInScope } from './find-report-in-scope.ts';
import { requireTransition } from './report-rules.ts';

/**
 * A cooperating unit writes its own section of the lead unit's report, visible to the lead unit
 * before it submits. Version 0 creates the section (one per unit: a unique key decides), a
 * later save names the version it saw.
 */
export async function saveContribution(ctx: UseCaseContext, id: number, body: TReportContributionBody): Promise<TReportContribution> {
  const report = await findReportInScope(ctx, id);
  const unitId = ctx.user.unit.id;
  const cooperating = await ctx.db.prisma.taskUnit.findFirst({ where: { taskId: report.taskId, unitId, role: 'cooperating' }, select: { unitId: true } });
  if (!cooperating || unitId === report.unitId) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => loadContribution(ctx, id, unitId);
  if (!reportTransition(report.status, 'save').ok) await requireTransition(report.status, 'save', current);
  const outcome = await ctx.db.prisma.$transaction(async (tx) => {
    const { count } =
      body.version === 0
        ? await tx.reportContribution.createMany({ data: [{ reportId: id, unitId, text: body.text, updatedById: ctx.user.id }], skipDuplicates: true })
        : await tx.reportContribution.updateMany({
            where: { reportId: id, unitId, version: body.version },
            data: { text: body.text, updatedById: ctx.user.id, updatedAt: new Date(), version: { increment: 1 } },
          });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId: ctx.user.id,
      entity: 'task',
      entityId: report.taskId,
      action: 'report-contribution',
      changes: { contribution: { from: null, to: `${ctx.user.unit.name}为${report.year}年第${report.quarter}季度报告填写了配合情况` } },
      requestId: ctx.requestId,
    });
    return true;
  });
  if (!outcome) await staleVersion(current);
  const saved = await current();
  if (!saved) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return saved;
}

async function loadContribution(ctx: UseCaseContext, reportId: number, unitId: number): Promise<TReportContribution | null> {
  const row = await ctx.db.prisma.reportContribution.findUnique({
    where: { reportId_unitId: { reportId, unitId } },
    select: { id: true, text: true, updatedAt: true, version: true, unit: { select: { id: true, name: true } } },
  });
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
}
