import type { TReportRound } from '@reform/contracts';
import { roundScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { roundInclude, toReportRound } from './report-dto.ts';

export async function findRoundInScope(ctx: UseCaseContext, id: number) {
  const row = await ctx.db.prisma.reportRound.findFirst({ where: { AND: [{ id }, roundScope(ctx.user)] }, include: roundInclude });
  if (!row) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return row;
}

export async function getReportRound(ctx: UseCaseContext, id: number): Promise<TReportRound> {
  return toReportRound(await findRoundInScope(ctx, id));
}
