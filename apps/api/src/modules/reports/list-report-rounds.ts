import type { TReportRoundList } from '@reform/contracts';
import { roundScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { roundInclude, toReportRound } from './report-dto.ts';

/** The rounds in the user's scope, newest quarter first. */
export async function listReportRounds(ctx: UseCaseContext): Promise<TReportRoundList> {
  const rows = await ctx.db.prisma.reportRound.findMany({
    where: roundScope(ctx.user),
    include: roundInclude,
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { id: 'asc' }],
    take: 200,
  });
  return { items: rows.map(toReportRound), total: rows.length };
}
