import { rankingFactsOf, type RankingGroup, type RankingPeriod, type RankingSourceUnit, type RankingUnitFacts } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { loadFigureFacts } from '../figures/load-figure-facts.ts';

/**
 * The facts of one group's ranking for one period: the figures module's facts (every task, its
 * milestones, reports and rectifications, `loadFigureFacts`) and the unit tree, turned into each
 * ranked unit's facts by the domain's `rankingFactsOf` (which draws them with the figures' rules).
 */
export async function loadRankingFacts(ctx: Pick<UseCaseContext, 'db'>, group: RankingGroup, period: RankingPeriod, today: string): Promise<RankingUnitFacts[]> {
  const units = await ctx.db.query<RankingSourceUnit>(`SELECT id, name, kind::text AS kind, parent_id AS "parentId" FROM unit`);
  // Reports of the year before count too: the fourth quarter's report falls due in January.
  const { facts } = await loadFigureFacts(ctx, {}, period.year - 1);
  return rankingFactsOf(facts, units, group, period, today);
}
