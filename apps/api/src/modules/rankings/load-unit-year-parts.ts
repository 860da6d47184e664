import type { Database } from '@reform/db';
import { quarterOf, rankingGroupOf, rankingPartsOf, type RankingGroup, type RankingPart } from '@reform/domain';
import { loadFactOverrides } from './load-fact-overrides.ts';
import { loadRankingFacts } from './load-ranking-facts.ts';
import { loadRankingFormula } from './load-ranking-formula.ts';

/**
 * A unit's year-to-date ranking parts (the annual assessment's base points read them): the year up to its
 * last quarter, or up to today's quarter while the year runs; accepted appeals applied. null for a unit that is
 * not ranked (neither a department nor a county or zone).
 */
export async function loadUnitYearToDateParts(db: Database, unitId: number, year: number, today: string): Promise<RankingPart[] | null> {
  const unit = await db.prisma.unit.findUnique({ where: { id: unitId }, select: { kind: true } });
  const group: RankingGroup | null = unit ? rankingGroupOf(unit.kind) : null;
  if (!group) return null;
  const now = quarterOf(today);
  const quarter = now.year === year ? now.quarter : 4;
  const facts = await loadRankingFacts(db, group, { year, quarter, yearToDate: true }, today);
  const mine = facts.find((row) => row.unit.id === unitId);
  return rankingPartsOf(mine?.facts ?? [], await loadRankingFormula(db), await loadFactOverrides(db));
}
