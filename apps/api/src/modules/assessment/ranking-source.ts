import { quarterOf, rankingGroupOf, rankingPartsOf, type RankingGroup, type YearToDateScore } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { loadFactOverrides } from '../rankings/load-fact-overrides.ts';
import { loadRankingFacts } from '../rankings/load-ranking-facts.ts';
import { loadRankingFormula } from '../rankings/load-ranking-formula.ts';

export interface UnitYearToDate extends YearToDateScore {
  /** The ranking's parts behind the score (hundredths), as the ranking shows them; kept at finalisation. */
  parts: { indicator: string; label: string; points: number }[];
}

/**
 * The ranking's year-to-date score of each unit (晾晒比拼全年累计), for many units at once: the
 * same loaders and the same pure function (`rankingPartsOf`) as the ranking's
 * `loadUnitYearToDateParts`, with each group's facts loaded once instead of once per unit
 * (assessment.test.ts checks the two agree). The score is the parts' sum; the most it can be is the
 * sum of the formula's indicator weights.
 */
export async function rankingYearToDate(ctx: UseCaseContext, year: number, unitIds: number[]): Promise<Map<number, UnitYearToDate>> {
  const result = new Map<number, UnitYearToDate>();
  if (unitIds.length === 0) return result;
  const units = await ctx.db.prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, kind: true } });
  const groups = new Map<RankingGroup, number[]>();
  for (const unit of units) {
    const group = rankingGroupOf(unit.kind);
    if (group) groups.set(group, [...(groups.get(group) ?? []), unit.id]);
  }
  if (groups.size === 0) return result;
  const formula = await loadRankingFormula(ctx.db);
  const overrides = await loadFactOverrides(ctx.db);
  const maxScore = formula.indicators.reduce((sum, { weight }) => sum + Math.round(weight * 100), 0);
  const now = quarterOf(ctx.today);
  const quarter = now.year === year ? now.quarter : 4;
  for (const [group, ids] of groups) {
    const facts = await loadRankingFacts(ctx, group, { year, quarter, yearToDate: true }, ctx.today);
    for (const id of ids) {
      const parts = rankingPartsOf(facts.find((row) => row.unit.id === id)?.facts ?? [], formula, overrides);
      result.set(id, {
        score: parts.reduce((sum, part) => sum + part.pointsHundredths, 0),
        maxScore,
        parts: parts.map((part) => ({ indicator: part.indicator, label: part.label, points: part.pointsHundredths })),
      });
    }
  }
  return result;
}
