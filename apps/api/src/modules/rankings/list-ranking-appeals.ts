import type { TRankingAppeal } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { appealDto, appealSelect } from './appeal-dto.ts';
import { ownRankedUnitId } from './ranking-helpers.ts';

/** Appeals, newest first: the office and leaders see all, a unit its own. */
export async function listRankingAppeals(ctx: UseCaseContext, status?: 'pending' | 'accepted' | 'refused'): Promise<{ items: TRankingAppeal[] }> {
  const all = ctx.user.role === 'admin' || ctx.user.role === 'leader';
  const ownUnitId = all ? null : await ownRankedUnitId(ctx.db, ctx.user);
  if (!all && ownUnitId === null) return { items: [] };
  const rows = await ctx.db.prisma.rankingAppeal.findMany({
    where: { ...(status ? { status } : {}), ...(all ? {} : { unitId: ownUnitId! }) },
    orderBy: { id: 'desc' },
    take: 500,
    select: appealSelect,
  });
  return { items: rows.map(appealDto) };
}
