/**
 * The annual assessment (年度考评, "100+20"): a unit's score for a year is its base points (out of
 * 100) from the configured indicators, plus bonus points capped at 20, minus deductions.
 *
 * Every amount is an integer number of hundredths of a point (1 分 = 100), so the parts add up to
 * the total exactly: no floating point is ever summed.
 */

/** One hundredth of a point is 1; one point is 100. */
export const POINT = 100;

export type AssessmentIndicator = 'ranking' | 'thirdParty' | 'satisfaction';

export interface AssessmentConfig {
  /** Points (hundredths) each base indicator is worth; together normally 100 points (10000). */
  weights: Record<AssessmentIndicator, number>;
  /** The most bonus points (hundredths) a unit may gain in a year: 20 points. */
  bonusCap: number;
}

export const defaultAssessmentConfig: AssessmentConfig = {
  weights: { ranking: 60 * POINT, thirdParty: 20 * POINT, satisfaction: 20 * POINT },
  bonusCap: 20 * POINT,
};

/** The office's setting in whole points (ranking 60, third party 20, satisfaction 20, bonus cap 20) as a config in hundredths. */
export function assessmentConfigOf(weights: { ranking: number; thirdParty: number; satisfaction: number; bonusCap: number }): AssessmentConfig {
  return {
    weights: { ranking: weights.ranking * POINT, thirdParty: weights.thirdParty * POINT, satisfaction: weights.satisfaction * POINT },
    bonusCap: weights.bonusCap * POINT,
  };
}

export const assessmentIndicatorLabels: Record<AssessmentIndicator, string> = {
  ranking: '晾晒比拼（全年累计）',
  thirdParty: '第三方评估',
  satisfaction: '群众满意度',
};

/** Each base indicator's definition in words, shown beside its points. */
export const assessmentIndicatorDefinitions: Record<AssessmentIndicator, string> = {
  ranking: '本年度晾晒比拼全年累计得分 ÷ 满分 × 本项分值（四舍五入到 0.01 分）',
  thirdParty: '第三方评估得分（百分制）÷ 100 × 本项分值（四舍五入到 0.01 分）',
  satisfaction: '群众满意度测评得分（百分制）÷ 100 × 本项分值（四舍五入到 0.01 分）',
};

/** The year-to-date ranking of one unit as the ranking module reports it (hundredths). */
export interface YearToDateScore {
  score: number;
  maxScore: number;
}

export interface AssessmentItemInput {
  id: number;
  kind: 'bonus' | 'deduction';
  /** Hundredths, positive. */
  points: number;
}

export interface AssessmentInput {
  /** null: the ranking has no year-to-date score for the unit yet. */
  ranking: YearToDateScore | null;
  /** Scores out of 100 (hundredths: 0…10000), null when not entered. */
  thirdParty: number | null;
  satisfaction: number | null;
  items: readonly AssessmentItemInput[];
}

export interface AssessmentBasePart {
  indicator: AssessmentIndicator;
  label: string;
  definition: string;
  /** The indicator's own score (ranking: year-to-date score; the others: out of 100), null when missing. */
  raw: number | null;
  /** What the raw score is out of. */
  rawMax: number;
  weight: number;
  points: number;
}

export interface AssessmentResult {
  base: number;
  parts: AssessmentBasePart[];
  /** Bonus points claimed by the items, before the cap. */
  bonusClaimed: number;
  /** Bonus points counted: min(claimed, cap). */
  bonus: number;
  deductions: number;
  total: number;
}

/** round(weight × raw ÷ max), half up, in integers only. */
export function scaledPoints(weight: number, raw: number, max: number): number {
  if (max <= 0) return 0;
  const clamped = Math.min(Math.max(raw, 0), max);
  return Math.floor((2 * weight * clamped + max) / (2 * max));
}

/** A unit's assessment for a year: pure, the same answer whatever the order of the items. */
export function computeAssessment(input: AssessmentInput, config: AssessmentConfig = defaultAssessmentConfig): AssessmentResult {
  const part = (indicator: AssessmentIndicator, raw: number | null, rawMax: number): AssessmentBasePart => {
    const weight = config.weights[indicator];
    return {
      indicator,
      label: assessmentIndicatorLabels[indicator],
      definition: assessmentIndicatorDefinitions[indicator],
      raw,
      rawMax,
      weight,
      points: raw === null ? 0 : scaledPoints(weight, raw, rawMax),
    };
  };
  const parts = [
    part('ranking', input.ranking?.score ?? null, input.ranking?.maxScore ?? 0),
    part('thirdParty', input.thirdParty, 100 * POINT),
    part('satisfaction', input.satisfaction, 100 * POINT),
  ];
  const base = parts.reduce((sum, p) => sum + p.points, 0);
  let bonusClaimed = 0;
  let deductions = 0;
  for (const item of input.items) {
    if (item.kind === 'bonus') bonusClaimed += item.points;
    else deductions += item.points;
  }
  const bonus = Math.min(bonusClaimed, config.bonusCap);
  return { base, parts, bonusClaimed, bonus, deductions, total: base + bonus - deductions };
}

/** Hundredths as the points a person reads: 8765 → "87.65". */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / POINT)}.${String(abs % POINT).padStart(2, '0')}`;
}

/** A score typed by a person ("87.5", 87.456 is refused) as hundredths; null when not a number with at most two decimals. */
export function parsePoints(value: string | number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * POINT + Number((match[2] ?? '').padEnd(2, '0'));
}
