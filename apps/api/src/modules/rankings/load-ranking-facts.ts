import { rankingFactsOf, type FigureFacts, type RankingGroup, type RankingPeriod, type RankingSourceUnit, type RankingUnitFacts } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { loadFigureFacts } from '../figures/load-figure-facts.ts';

export interface RankingInput {
  facts: FigureFacts;
  units: RankingSourceUnit[];
}

/**
 * What every ranking of a year (and of the quarter before it) is computed from: the figures module's
 * facts (every task, its milestones, reports and rectifications, `loadFigureFacts`) and the unit tree.
 * Loaded once per request; `rankingFactsOf` draws each period's facts from it.
 */
export async function loadRankingInput(ctx: Pick<UseCaseContext, 'db'>, year: number): Promise<RankingInput> {
  const units = await ctx.db.query<RankingSourceUnit>(`SELECT id, name, kind::text AS kind, parent_id AS "parentId" FROM unit`);
  // Reports of the year before count too: the fourth quarter's report falls due in January, and the
  // previous quarter's ranking (for the change arrows) needs the third quarter's.
  const { facts } = await loadFigureFacts(ctx, {}, { year: year - 1, quarter: 3 });
  return { facts, units };
}

/** The facts of one group's ranking for one period. */
export async function loadRankingFacts(ctx: Pick<UseCaseContext, 'db'>, group: RankingGroup, period: RankingPeriod, today: string): Promise<RankingUnitFacts[]> {
  const { facts, units } = await loadRankingInput(ctx, period.year);
  return rankingFactsOf(facts, units, group, period, today);
}
