import type { TFigureKey } from '@reform/contracts';
import type { FigureFacts, TaskFact } from './facts.ts';
import { indicatorByKey, indicators, periodFacts, type Measure } from './indicators.ts';
import type { Period } from './period.ts';

export interface FigureValue extends Measure {
  key: TFigureKey;
  label: string;
  kind: 'count' | 'rate';
  definition: string;
}

export type FigureSet = Record<TFigureKey, FigureValue>;

/**
 * Every figure for one period over the given facts (already narrowed to a scope: the user's
 * scope and the dashboard's filters). The one source of the numbers the dashboard, the
 * drill-down, rankings and the quarterly report show.
 */
export function computeFigures(facts: FigureFacts, period: Period): FigureSet {
  const ctx = periodFacts(facts, period);
  const out = {} as FigureSet;
  for (const indicator of indicators) {
    out[indicator.key] = {
      key: indicator.key,
      label: indicator.label,
      kind: indicator.kind,
      definition: indicator.definition,
      ...indicator.measure(ctx),
    };
  }
  return out;
}

/** One figure only, e.g. the drill-down's tasks behind a number. */
export function computeFigure(facts: FigureFacts, period: Period, key: TFigureKey): FigureValue {
  const indicator = indicatorByKey.get(key)!;
  return {
    key,
    label: indicator.label,
    kind: indicator.kind,
    definition: indicator.definition,
    ...indicator.measure(periodFacts(facts, period)),
  };
}

/** The facts of the tasks the predicate keeps, with their reports and rectifications. */
export function narrowFacts(facts: FigureFacts, keep: (task: TaskFact) => boolean): FigureFacts {
  const tasks = facts.tasks.filter(keep);
  const ids = new Set(tasks.map((t) => t.id));
  return {
    tasks,
    reports: facts.reports.filter((r) => ids.has(r.taskId)),
    rectifications: facts.rectifications.filter((r) => ids.has(r.taskId)),
    reportDueDay: facts.reportDueDay,
  };
}

/**
 * The figures broken down by unit: `unitOf` names the unit a task counts for (e.g. its lead
 * unit, or the county its lead unit belongs to; null = none). Each unit's figures are those of
 * its own tasks, computed by the same functions, so a unit's row and the drill-down agree.
 */
export function figuresByUnit(
  facts: FigureFacts,
  period: Period,
  unitOf: (task: TaskFact) => number | null,
): Map<number, FigureSet> {
  const groups = new Map<number, TaskFact[]>();
  for (const task of facts.tasks) {
    const unit = unitOf(task);
    if (unit === null) continue;
    const group = groups.get(unit);
    if (group) group.push(task);
    else groups.set(unit, [task]);
  }
  const out = new Map<number, FigureSet>();
  for (const [unit, tasks] of groups) {
    const ids = new Set(tasks.map((t) => t.id));
    out.set(unit, computeFigures(narrowFacts(facts, (t) => ids.has(t.id)), period));
  }
  return out;
}

/** A figure's change against the previous period (points for a rate), null when either side is unknown. */
export function changeOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 10) / 10;
}
