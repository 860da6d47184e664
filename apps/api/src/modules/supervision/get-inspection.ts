import type { TInspection } from '@reform/contracts';
import { inspectionScope, mayInspect, rectificationScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { inspectionSummaryInclude, toInspectionSummary } from './inspection-dto.ts';
import { rectificationInclude, toRectification } from './rectification-dto.ts';

/** One inspection in scope with the rectification items the user may see (404 outside the scope). */
export async function getInspection(ctx: UseCaseContext, id: number): Promise<TInspection> {
  const row = await ctx.db.prisma.inspection.findFirst({
    where: { AND: [{ id }, inspectionScope(ctx.user)] },
    include: inspectionSummaryInclude,
  });
  if (!row) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  const items = await ctx.db.prisma.rectificationItem.findMany({
    where: { AND: [{ inspectionId: id }, rectificationScope(ctx.user)] },
    include: rectificationInclude,
    orderBy: { id: 'asc' },
  });
  return {
    ...toInspectionSummary(row, ctx.today),
    findings: row.findings,
    rectifications: items.map((item) => toRectification(item, ctx.user, ctx.today)),
    mayAddRectifications: mayInspect(ctx.user, row),
  };
}
