import type { TRankingFormula, TRankingResponse, TRankingRow } from '@reform/contracts';
import type { Database } from '@reform/db';
import {
  previousQuarter,
  rankUnits,
  rankingFactsOf,
  rankingGroupOf,
  rankingIndicatorDefinitions,
  rankingIndicatorLabels,
  rankingFigurePeriod,
  rankingTieBreakLabels,
  withRankChanges,
  type RankingFormula,
  type RankingGroup,
  type RankingPeriod,
  type RankingRow,
} from '@reform/domain';
import type { SessionUser } from '../../access/session-user.ts';
import { memoizedByFacts } from '../fact-version.ts';
import { loadFactOverrides } from './load-fact-overrides.ts';
import { loadRankingInput, type RankingInput } from './load-ranking-facts.ts';
import { loadRankingFormula } from './load-ranking-formula.ts';

/** Helpers shared by the ranking use cases (not use cases themselves). */

export interface ComputedRanking {
  formula: RankingFormula;
  rows: RankingRow[];
  from: string;
  asOf: string;
}

/**
 * The ranking as the facts say now (a draft), with rank changes against the previous quarter; kept
 * per fact version and day (`memoizedByFacts`: the same for every caller, who sees it through
 * `visibleRows`). With `extraOverride` (an appeal being decided) it is computed afresh.
 */
export async function computeRanking(
  db: Database,
  group: RankingGroup,
  period: RankingPeriod,
  today: string,
  extraOverride?: { factKey: string; override: 'exclude' | 'correct' },
): Promise<ComputedRanking> {
  if (extraOverride) return rankNow(db, group, period, today, extraOverride);
  return memoizedByFacts({ db, today }, ['ranking', group, period], () => rankNow(db, group, period, today), (ranking) => ranking.rows.length);
}

async function rankNow(
  db: Database,
  group: RankingGroup,
  period: RankingPeriod,
  today: string,
  extraOverride?: { factKey: string; override: 'exclude' | 'correct' },
): Promise<ComputedRanking> {
  const formula = await loadRankingFormula(db);
  const overrides = await loadFactOverrides(db);
  if (extraOverride) overrides.set(extraOverride.factKey, extraOverride.override);
  const input = await loadRankingInput({ db }, period.year);
  const rows = rankUnits(rankingFactsOf(input.facts, input.units, group, period, today), formula, overrides);
  const previous = await previousRanks(db, input, group, period, today, formula, overrides);
  const { from, asOf } = rankingFigurePeriod(period, today);
  return { formula, rows: withRankChanges(rows, previous), from, asOf };
}

/**
 * The previous quarter's ranks: its latest published version, or else computed from the facts.
 * A year-to-date ranking compares with the previous quarter's year to date (none for Q1).
 */
async function previousRanks(
  db: Database,
  input: RankingInput,
  group: RankingGroup,
  period: RankingPeriod,
  today: string,
  formula: RankingFormula,
  overrides: Map<string, 'exclude' | 'correct'>,
): Promise<Array<{ unit: { id: number; name: string }; rank: number }> | null> {
  const before = previousQuarter(period);
  if (period.yearToDate && before.year !== period.year) return null;
  const published = await db.prisma.rankingVersion.findFirst({
    where: { group, year: before.year, quarter: before.quarter, yearToDate: period.yearToDate },
    orderBy: { number: 'desc' },
    select: { rows: true },
  });
  if (published) return published.rows as unknown as RankingRow[];
  return rankUnits(rankingFactsOf(input.facts, input.units, group, { ...before, yearToDate: period.yearToDate }, today), formula, overrides);
}

/** The ranked unit a user answers for: the nearest department, county or zone on their unit's path (a county office → its county). */
export async function ownRankedUnitId(db: Database, user: SessionUser): Promise<number | null> {
  if (user.role === 'admin' || user.role === 'leader') return null;
  const ids = user.unit.path.split('/').filter(Boolean).map(Number);
  const units = await db.prisma.unit.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true } });
  for (const id of ids.reverse()) {
    const unit = units.find((candidate) => candidate.id === id);
    if (unit && rankingGroupOf(unit.kind)) return unit.id;
  }
  return null;
}

export function definitionsOf(formula: TRankingFormula): TRankingResponse['definitions'] {
  const used = [...formula.indicators.map((item) => item.indicator), ...(formula.overdueDeduction > 0 ? (['overdueItems'] as const) : [])];
  return used.map((indicator) => ({ indicator, label: rankingIndicatorLabels[indicator], definition: rankingIndicatorDefinitions[indicator] }));
}

/** Rows as a user may see them: the office and leaders everything; a unit everyone's scores, facts of its own row only. */
export function visibleRows(rows: RankingRow[], user: SessionUser, ownUnitId: number | null): TRankingRow[] {
  const all = user.role === 'admin' || user.role === 'leader';
  return rows.map((row) => {
    const detail = all || row.unit.id === ownUnitId;
    return { ...row, detail, parts: detail ? row.parts : row.parts.map((part) => ({ ...part, facts: [] })) };
  });
}

export const tieBreakText = (formula: RankingFormula) => rankingTieBreakLabels[formula.tieBreak];
