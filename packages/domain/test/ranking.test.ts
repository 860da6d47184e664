import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  rankUnits,
  rankingFactsOf,
  rankingPartsOf,
  withRankChanges,
  type RankingFact,
  type RankingFormula,
  type RankingIndicator,
  type RankingRow,
  type RankingUnitFacts,
} from '../src/index.ts';

const formula: RankingFormula = {
  indicators: [
    { indicator: 'onTimeMilestones', weight: 40 },
    { indicator: 'completion', weight: 30 },
    { indicator: 'reportTimeliness', weight: 30 },
  ],
  overdueDeduction: 2,
  tieBreak: 'fewerOverdue',
};

let next = 0;
const facts = (indicator: RankingIndicator, met: number, notMet: number, taskId = 1): RankingFact[] => [
  ...Array.from({ length: met }, () => ({ key: `f${(next += 1)}`, indicator, taskId, met: true, text: '按时' })),
  ...Array.from({ length: notMet }, () => ({ key: `f${(next += 1)}`, indicator, taskId, met: false, text: '逾期' })),
];

// Hand computation (weights 40 / 30 / 30, 2 points per overdue item, tie-break fewerOverdue):
// 甲局 (1): milestones 2 of 3 on time → 40 × 2/3 = 26.666… → 26.67; tasks 1 of 1 → 30; no reports due → 30 (full);
//           1 overdue item → −2.                                   score 26.67 + 30 + 30 − 2 = 84.67
// 乙局 (2): milestones 1 of 1 → 40; tasks 0 of 2 → 0; reports 1 of 2 → 15; no overdue → 0.  score 55
// 丙局 (3): the same facts as 甲局.                                 score 84.67, 1 overdue item
// 丁局 (4): milestones 2 of 3 → 26.67; tasks 1 of 1 → 30; reports 14 of 15 → 30 × 14/15 = 28; no overdue.
//                                                                  score 26.67 + 30 + 28 = 84.67, 0 overdue
// Ranking: 丁局 1 (same score, fewer overdue items); 丙局 and 甲局 share 2 (same score and same overdue count,
// listed by name: 丙 U+4E19 before 甲 U+7532); 乙局 4.
const golden = (): RankingUnitFacts[] => [
  { unit: { id: 1, name: '甲局' }, facts: [...facts('onTimeMilestones', 2, 1), ...facts('completion', 1, 0), ...facts('overdueItems', 0, 1)] },
  { unit: { id: 2, name: '乙局' }, facts: [...facts('onTimeMilestones', 1, 0), ...facts('completion', 0, 2), ...facts('reportTimeliness', 1, 1)] },
  { unit: { id: 3, name: '丙局' }, facts: [...facts('onTimeMilestones', 2, 1), ...facts('completion', 1, 0), ...facts('overdueItems', 0, 1)] },
  { unit: { id: 4, name: '丁局' }, facts: [...facts('onTimeMilestones', 2, 1), ...facts('completion', 1, 0), ...facts('reportTimeliness', 14, 1)] },
];

describe('rankUnits: golden dataset computed by hand', () => {
  it('scores, parts and ranks', () => {
    const rows = rankUnits(golden(), formula);
    expect(rows.map((row) => [row.unit.name, row.rank, row.score])).toEqual([
      ['丁局', 1, 84.67],
      ['丙局', 2, 84.67],
      ['甲局', 2, 84.67],
      ['乙局', 4, 55],
    ]);
    const jia = rows.find((row) => row.unit.id === 1)!;
    expect(jia.parts.map((part) => [part.indicator, part.points, part.value])).toEqual([
      ['onTimeMilestones', 26.67, 2 / 3],
      ['completion', 30, 1],
      ['reportTimeliness', 30, null],
      ['overdueItems', -2, 1],
    ]);
    expect(jia.parts[3]!.facts[0]!.text).toBe('扣 2 分：逾期');
    const yi = rows.find((row) => row.unit.id === 2)!;
    expect(yi.parts.map((part) => part.points)).toEqual([40, 0, 15, -0]);
  });

  it('an excluded fact no longer counts, a corrected one counts as met', () => {
    const units = golden();
    const overdueKey = units[0]!.facts.find((fact) => fact.indicator === 'overdueItems')!.key;
    const lateKey = units[0]!.facts.find((fact) => fact.indicator === 'onTimeMilestones' && !fact.met)!.key;
    // 甲局 without its overdue item: 26.67 + 30 + 30 = 86.67 → first.
    const excluded = rankUnits(units, formula, new Map([[overdueKey, 'exclude']]));
    expect(excluded[0]).toMatchObject({ unit: { id: 1 }, rank: 1, score: 86.67 });
    // …and with its late milestone corrected: 40 + 30 + 30 − 2 = 98.
    const corrected = rankUnits(units, formula, new Map([[lateKey, 'correct']]));
    expect(corrected[0]).toMatchObject({ unit: { id: 1 }, rank: 1, score: 98 });
  });

  it('tie-break "shared" puts all equal scores on one rank; "firstIndicator" compares the first part', () => {
    expect(rankUnits(golden(), { ...formula, tieBreak: 'shared' }).map((row) => row.rank)).toEqual([1, 1, 1, 4]);
    // First indicator: all three 84.67 units have 26.67 there → shared.
    expect(rankUnits(golden(), { ...formula, tieBreak: 'firstIndicator' }).map((row) => row.rank)).toEqual([1, 1, 1, 4]);
  });

  it('rank changes against the previous quarter', () => {
    const rows = withRankChanges(rankUnits(golden(), formula), [
      { unit: { id: 2, name: '乙局' }, rank: 1 },
      { unit: { id: 4, name: '丁局' }, rank: 3 },
    ]);
    expect(rows.map((row) => [row.unit.id, row.change])).toEqual([
      [4, 2],
      [3, null],
      [1, null],
      [2, -3],
    ]);
  });

  it('a rate rounds half up in hundredths: weight 0.01 × 1/2 → 0.01', () => {
    const parts = rankingPartsOf(facts('completion', 1, 1), { indicators: [{ indicator: 'completion', weight: 0.01 }], overdueDeduction: 0, tieBreak: 'shared' });
    expect(parts).toHaveLength(1);
    expect(parts[0]!.pointsHundredths).toBe(1);
  });
});

describe('rankingFactsOf', () => {
  it('turns milestones, tasks and reports into facts of the accountable unit', () => {
    const units = [
      { id: 10, name: '嘉善县', kind: 'county', parentId: null },
      { id: 11, name: '魏塘街道', kind: 'town', parentId: 10 },
      { id: 20, name: '市发改委', kind: 'department', parentId: null },
    ];
    const tasks = [
      {
        id: 1,
        title: '县级试点',
        status: 'active',
        leadUnitId: 11,
        startDate: '2026-01-01',
        deadline: '2026-06-30',
        milestones: [
          { id: 100, name: '出台实施方案', dueDate: '2026-05-19', doneDate: null },
          { id: 101, name: '启动', dueDate: '2026-04-10', doneDate: '2026-04-09' },
        ],
        reports: [{ year: 2026, quarter: 1, submittedOn: '2026-04-12' }],
      },
    ];
    // Q2 2026 seen on 2026-05-31: the Q1 report was due 2026-04-10 and came 2 days late.
    const county = rankingFactsOf({ units, tasks, reportDueDay: 10 }, 'county', { year: 2026, quarter: 2, yearToDate: false }, '2026-05-31');
    expect(county).toHaveLength(1);
    expect(county[0]!.facts.map((fact) => [fact.indicator, fact.met, fact.text])).toEqual([
      ['onTimeMilestones', false, '节点“出台实施方案”2026-05-19到期，逾期 12 天未完成'],
      ['overdueItems', false, '节点“出台实施方案”逾期 12 天'],
      ['onTimeMilestones', true, '节点“启动”2026-04-10到期，2026-04-09完成'],
      ['reportTimeliness', false, '“县级试点”2026年第一季度报告（2026-04-10截止）2026-04-12提交，迟报 2 天'],
    ]);
    const departments = rankingFactsOf({ units, tasks, reportDueDay: 10 }, 'department', { year: 2026, quarter: 2, yearToDate: false }, '2026-05-31');
    expect(departments).toEqual([{ unit: { id: 20, name: '市发改委' }, facts: [] }]);
  });
});

// ─── Properties ──────────────────────────────────────────────────────────────

const indicators: RankingIndicator[] = ['onTimeMilestones', 'completion', 'reportTimeliness', 'overdueItems'];
const arbUnits = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.array(fc.record({ indicator: fc.constantFrom(...indicators), met: fc.boolean() }), { maxLength: 12 }).map(
          (list): RankingUnitFacts => ({
            unit: { id, name: `单位${id % 7}` },
            facts: list.map((fact, index) => ({ ...fact, key: `${id}:${index}`, taskId: id, text: 'x' })),
          }),
        ),
      ),
    ),
  );
const arbFormula: fc.Arbitrary<RankingFormula> = fc.record({
  indicators: fc
    .uniqueArray(fc.constantFrom('onTimeMilestones', 'completion', 'reportTimeliness') as fc.Arbitrary<'completion'>, { minLength: 1, maxLength: 3 })
    .chain((keys) => fc.tuple(...keys.map((indicator) => fc.integer({ min: 0, max: 10000 }).map((h) => ({ indicator, weight: h / 100 }))))),
  overdueDeduction: fc.integer({ min: 0, max: 1000 }).map((h) => h / 100),
  tieBreak: fc.constantFrom('fewerOverdue', 'firstIndicator', 'shared'),
});

// The overdue count comes from the facts (it breaks ties even when the deduction is 0).
const tieKeyOf = (units: RankingUnitFacts[], f: RankingFormula) => (row: RankingRow) =>
  f.tieBreak === 'fewerOverdue'
    ? -units.find((unit) => unit.unit.id === row.unit.id)!.facts.filter((fact) => fact.indicator === 'overdueItems').length
    : f.tieBreak === 'firstIndicator'
      ? row.parts[0]!.pointsHundredths
      : 0;

describe('rankUnits: properties', () => {
  it('does not depend on the order of units or facts', () => {
    fc.assert(
      fc.property(arbUnits, arbFormula, fc.infiniteStream(fc.double()), (units, f, randoms) => {
        const shuffle = <T>(list: T[]) =>
          list
            .map((item) => ({ item, r: randoms.next().value as number }))
            .sort((a, b) => a.r - b.r)
            .map(({ item }) => item);
        const shuffled = shuffle(units).map((unit) => ({ ...unit, facts: shuffle(unit.facts) }));
        expect(rankUnits(shuffled, f)).toEqual(rankUnits(units, f));
      }),
    );
  });

  it('parts always sum exactly to the score', () => {
    fc.assert(
      fc.property(arbUnits, arbFormula, (units, f) => {
        for (const row of rankUnits(units, f)) {
          expect(row.parts.reduce((sum, part) => sum + part.pointsHundredths, 0)).toBe(row.scoreHundredths);
          expect(Math.round(row.score * 100)).toBe(row.scoreHundredths);
          expect(row.parts.reduce((sum, part) => sum + Math.round(part.points * 100), 0)).toBe(row.scoreHundredths);
        }
      }),
    );
  });

  it('ties follow the tie-break: order by score then tie key; equal on both ⇔ same rank', () => {
    fc.assert(
      fc.property(arbUnits, arbFormula, (units, f) => {
        const rows = rankUnits(units, f);
        const tieKey = tieKeyOf(units, f);
        rows.forEach((row, index) => {
          const before = rows[index - 1];
          if (!before) return expect(row.rank).toBe(1);
          expect(before.scoreHundredths).toBeGreaterThanOrEqual(row.scoreHundredths);
          if (before.scoreHundredths === row.scoreHundredths) expect(tieKey(before)).toBeGreaterThanOrEqual(tieKey(row));
          const same = before.scoreHundredths === row.scoreHundredths && tieKey(before) === tieKey(row);
          expect(row.rank).toBe(same ? before.rank : index + 1);
        });
      }),
    );
  });
});
