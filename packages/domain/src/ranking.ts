/**
 * The public ranking (晾晒比拼): units scored on facts by the reform office's formula.
 *
 * Everything is computed in integer hundredths of a point, so a row's parts add up to its score
 * exactly; `points`/`score` are those hundredths divided by 100 for display.
 *
 * Definitions (shown in the UI beside the formula):
 * - a **rate** indicator is worth `weight` points at 100 %: points = round(weight × met ÷ counted),
 *   half up, in hundredths. A unit with nothing counted in the period gets the full weight
 *   (nothing was due, so nothing was late); its value is then `null`.
 * - the **deduction** takes `overdueDeduction` points per overdue item (a negative part).
 * - facts excluded after an accepted appeal are listed but not counted; a corrected fact counts as met.
 *
 * Tie-break (documented, `formula.tieBreak`): rows are ordered by score, highest first. Equal scores:
 * - `fewerOverdue`: fewer overdue items ranks higher; still equal → the same rank;
 * - `firstIndicator`: more points in the formula's first indicator ranks higher; still equal → the same rank;
 * - `shared`: equal scores share a rank.
 * Shared ranks are standard competition ranks (1, 1, 3). Rows sharing a rank are listed by unit name,
 * then id, so the table never depends on the order the facts arrived in.
 */

export type RankingGroup = 'department' | 'county';
export type RankingRateIndicator = 'onTimeMilestones' | 'completion' | 'reportTimeliness';
export type RankingIndicator = RankingRateIndicator | 'overdueItems';
export type RankingTieBreak = 'fewerOverdue' | 'firstIndicator' | 'shared';

export const rankingIndicatorLabels: Record<RankingIndicator, string> = {
  onTimeMilestones: '节点按期完成率',
  completion: '任务按期完成率',
  reportTimeliness: '季度报告按时率',
  overdueItems: '逾期事项扣分',
};

/** Each indicator's definition in words (shown beside the formula). */
export const rankingIndicatorDefinitions: Record<RankingIndicator, string> = {
  onTimeMilestones: '期内到期的节点中，在到期日当天或之前完成的比例；满分为该项权重，期内无到期节点得满分。',
  completion: '期内到期的任务中，已完成或已销号的比例；满分为该项权重，期内无到期任务得满分。',
  reportTimeliness: '期内到报送期限的季度报告中，在期限当天或之前提交的比例（未提交计为未按时）；满分为该项权重。',
  overdueItems: '截至期末已过到期日仍未完成的节点，每项扣除设定分值。',
};

export const rankingTieBreakLabels: Record<RankingTieBreak, string> = {
  fewerOverdue: '得分相同时，逾期事项少者在前；仍相同则名次并列',
  firstIndicator: '得分相同时，第一项指标得分高者在前；仍相同则名次并列',
  shared: '得分相同则名次并列',
};

export interface RankingFormula {
  /** The rate indicators and their weights (points at 100 %), in display order; at least one. */
  indicators: Array<{ indicator: RankingRateIndicator; weight: number }>;
  /** Points taken per overdue item (0 = no deduction). */
  overdueDeduction: number;
  tieBreak: RankingTieBreak;
}

export const defaultRankingFormula: RankingFormula = {
  indicators: [
    { indicator: 'onTimeMilestones', weight: 40 },
    { indicator: 'completion', weight: 30 },
    { indicator: 'reportTimeliness', weight: 30 },
  ],
  overdueDeduction: 2,
  tieBreak: 'fewerOverdue',
};

/** One fact about one unit: a milestone, a task or a report counted by one indicator. */
export interface RankingFact {
  /** Stable key of the fact (e.g. `milestone:12:onTime`), named by appeals. */
  key: string;
  indicator: RankingIndicator;
  taskId: number;
  /** For a rate: the fact meets the indicator. For `overdueItems`: always false (an item overdue). */
  met: boolean;
  /** The fact in words, e.g. "节点'出台实施方案'逾期 12 天". */
  text: string;
}

export interface RankingUnitFacts {
  unit: { id: number; name: string };
  facts: RankingFact[];
}

/** What accepted appeals did to facts, by fact key. */
export type RankingFactOverrides = ReadonlyMap<string, 'exclude' | 'correct'>;

export interface RankingPartFact {
  key: string;
  taskId: number;
  text: string;
  met: boolean;
  /** `exclude`: not counted; `correct`: counted as met (after an accepted appeal). */
  override?: 'exclude' | 'correct';
}

export interface RankingPart {
  indicator: RankingIndicator;
  label: string;
  /** A rate 0..1 (null when nothing was counted), or the number of overdue items. */
  value: number | null;
  /** Met / counted for a rate; items for the deduction. */
  met: number;
  counted: number;
  points: number;
  pointsHundredths: number;
  facts: RankingPartFact[];
}

export interface RankingRow {
  unit: { id: number; name: string };
  rank: number;
  score: number;
  scoreHundredths: number;
  /** Places moved since the previous quarter (positive = up); null when the unit was not ranked then. */
  change: number | null;
  parts: RankingPart[];
}

const toHundredths = (points: number) => Math.round(points * 100);

/** Rounds a non-negative fraction n/d to the nearest integer, halves up, without floating error. */
function roundDiv(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

function partFacts(facts: RankingFact[], overrides: RankingFactOverrides | undefined): RankingPartFact[] {
  return facts
    .map((fact) => {
      const override = overrides?.get(fact.key);
      return { key: fact.key, taskId: fact.taskId, text: fact.text, met: fact.met, ...(override ? { override } : {}) };
    })
    .sort((a, b) => (a.met === b.met ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.met ? 1 : -1));
}

/**
 * One unit's parts under the formula: one per configured rate indicator, then the overdue deduction
 * (when it is not 0). This is the unit's score sheet, used by the ranking and by the annual assessment.
 */
export function rankingPartsOf(facts: RankingFact[], formula: RankingFormula, overrides?: RankingFactOverrides): RankingPart[] {
  const parts: RankingPart[] = formula.indicators.map(({ indicator, weight }) => {
    const mine = partFacts(
      facts.filter((fact) => fact.indicator === indicator),
      overrides,
    );
    const counted = mine.filter((fact) => fact.override !== 'exclude');
    const met = counted.filter((fact) => fact.met || fact.override === 'correct').length;
    const weightH = toHundredths(weight);
    const pointsHundredths = counted.length === 0 ? weightH : roundDiv(weightH * met, counted.length);
    return {
      indicator,
      label: rankingIndicatorLabels[indicator],
      value: counted.length === 0 ? null : met / counted.length,
      met,
      counted: counted.length,
      points: pointsHundredths / 100,
      pointsHundredths,
      facts: mine,
    };
  });
  const deductionH = toHundredths(formula.overdueDeduction);
  if (deductionH > 0) {
    const mine = partFacts(
      facts.filter((fact) => fact.indicator === 'overdueItems'),
      overrides,
    );
    const items = mine.filter((fact) => fact.override === undefined).length;
    const pointsHundredths = -deductionH * items;
    parts.push({
      indicator: 'overdueItems',
      label: rankingIndicatorLabels.overdueItems,
      value: items,
      met: 0,
      counted: items,
      points: pointsHundredths / 100,
      pointsHundredths,
      facts: mine.map((fact) => (fact.override ? fact : { ...fact, text: `扣 ${formatPoints(deductionH)} 分：${fact.text}` })),
    });
  }
  return parts;
}

/** Hundredths as points for text: "2", "1.5", "0.25". */
export function formatPoints(hundredths: number): string {
  return String(hundredths / 100);
}

function overdueCount(facts: RankingFact[], overrides: RankingFactOverrides | undefined): number {
  return facts.filter((fact) => fact.indicator === 'overdueItems' && !overrides?.has(fact.key)).length;
}

/**
 * Ranks one group of units (departments or counties, never both) under the formula. `change` is null here;
 * `withRankChanges` fills it from the previous quarter's rows.
 */
export function rankUnits(units: RankingUnitFacts[], formula: RankingFormula, overrides?: RankingFactOverrides): RankingRow[] {
  const scored = units.map((unitFacts) => {
    const parts = rankingPartsOf(unitFacts.facts, formula, overrides);
    const scoreHundredths = parts.reduce((sum, part) => sum + part.pointsHundredths, 0);
    const tie =
      formula.tieBreak === 'fewerOverdue'
        ? -overdueCount(unitFacts.facts, overrides)
        : formula.tieBreak === 'firstIndicator'
          ? (parts[0]?.pointsHundredths ?? 0)
          : 0;
    return { unit: { id: unitFacts.unit.id, name: unitFacts.unit.name }, parts, scoreHundredths, tie };
  });
  scored.sort(
    (a, b) =>
      b.scoreHundredths - a.scoreHundredths ||
      b.tie - a.tie ||
      (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0) ||
      a.unit.id - b.unit.id,
  );
  let rank = 0;
  return scored.map((row, index) => {
    const before = scored[index - 1];
    if (!before || before.scoreHundredths !== row.scoreHundredths || before.tie !== row.tie) rank = index + 1;
    return { unit: row.unit, rank, score: row.scoreHundredths / 100, scoreHundredths: row.scoreHundredths, change: null, parts: row.parts };
  });
}

/** Fills `change` (previous rank − rank: positive moved up) from the previous quarter's ranking of the same group. */
export function withRankChanges(rows: RankingRow[], previous: Array<Pick<RankingRow, 'unit' | 'rank'>> | null): RankingRow[] {
  const before = new Map((previous ?? []).map((row) => [row.unit.id, row.rank]));
  return rows.map((row) => {
    const was = before.get(row.unit.id);
    return { ...row, change: was === undefined ? null : was - row.rank };
  });
}
