import { quarterEnd, type IsoDate } from './calendar.ts';
import type { FigureFacts, TaskFact } from './figures/facts.ts';
import { periodOf, type Period } from './figures/period.ts';
import { unitFactLists, type UnitFactFigure } from './figures/unit-fact-lists.ts';
import type { RankingGroup, RankingIndicator, RankingUnitFacts } from './ranking.ts';

/** A unit of the organisation tree, as far as the ranking needs it. */
export interface RankingSourceUnit {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
}

/** The period a ranking covers: a quarter, or the year up to the end of a quarter. */
export interface RankingPeriod {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  yearToDate: boolean;
}

/**
 * The figures module's period for a ranking: the quarter, or 1 January to the quarter's end; the
 * statistics day is the period's end, or yesterday while it runs (the figures' rule).
 */
export function rankingFigurePeriod(period: RankingPeriod, today: IsoDate): Period {
  const quarter = periodOf(period.year, period.quarter, today);
  if (!period.yearToDate) return quarter;
  return { ...quarter, key: `${period.year}-YTD-Q${period.quarter}`, label: `${period.year}年1月至第${'一二三四'[period.quarter - 1]}季度末`, from: `${period.year}-01-01`, to: quarterEnd(period) };
}

/** The group a unit is ranked in: departments, or counties and development zones. */
export function rankingGroupOf(kind: string): RankingGroup | null {
  if (kind === 'department') return 'department';
  if (kind === 'county' || kind === 'zone') return 'county';
  return null;
}

const indicatorOf: Record<UnitFactFigure, RankingIndicator> = {
  milestones_on_time_rate: 'onTimeMilestones',
  completion_rate: 'completion',
  reports_on_time_rate: 'reportTimeliness',
  overdue_milestones: 'overdueItems',
};

/**
 * The facts of every ranked unit of one group in one period, drawn by the figures module
 * (`unitFactLists`): a task counts for its lead unit's nearest department, county or zone (a town's
 * tasks count for its county). Every ranked unit of the group gets a row, with or without facts.
 */
export function rankingFactsOf(facts: FigureFacts, units: RankingSourceUnit[], group: RankingGroup, period: RankingPeriod, today: IsoDate): RankingUnitFacts[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const rankedOf = new Map<number, number | null>();
  const rankedUnitOf = (unitId: number): number | null => {
    const known = rankedOf.get(unitId);
    if (known !== undefined) return known;
    let unit = byId.get(unitId);
    let found: number | null = null;
    for (let depth = 0; unit && depth < 50; depth += 1) {
      const kind = rankingGroupOf(unit.kind);
      if (kind !== null) {
        found = kind === group ? unit.id : null;
        break;
      }
      unit = unit.parentId === null ? undefined : byId.get(unit.parentId);
    }
    rankedOf.set(unitId, found);
    return found;
  };
  const lists = unitFactLists(facts, rankingFigurePeriod(period, today), (task: TaskFact) => rankedUnitOf(task.leadUnitId));
  return units
    .filter((unit) => rankingGroupOf(unit.kind) === group)
    .map((unit) => ({
      unit: { id: unit.id, name: unit.name },
      facts: (lists.get(unit.id) ?? []).map((item) => ({ key: item.key, indicator: indicatorOf[item.figure], taskId: item.taskId, met: item.met, text: item.text })),
    }));
}

/** The figure each ranking indicator is drawn from. */
export const rankingIndicatorFigure: Record<RankingIndicator, UnitFactFigure> = {
  onTimeMilestones: 'milestones_on_time_rate',
  completion: 'completion_rate',
  reportTimeliness: 'reports_on_time_rate',
  overdueItems: 'overdue_milestones',
};
