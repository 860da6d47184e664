import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAssessment,
  defaultAssessmentConfig,
  formatHundredths,
  parsePoints,
  scaledPoints,
  type AssessmentInput,
  type AssessmentItemInput,
} from '../src/assessment.ts';

describe('computeAssessment: golden sheets computed by hand', () => {
  it('a unit with every indicator, bonus under the cap and a deduction', () => {
    // Ranking year to date 83.40 of 100 → 83.40 / 100 × 60 = 50.04 points.
    // Third-party 91.50 → 91.50 / 100 × 20 = 18.30; satisfaction 95.25 → 19.05.
    // Base 50.04 + 18.30 + 19.05 = 87.39.
    // Bonus 5 + 3.5 = 8.50 (under 20); deductions 1 + 0.25 = 1.25.
    // Total 87.39 + 8.50 − 1.25 = 94.64.
    const result = computeAssessment({
      ranking: { score: 8340, maxScore: 10000 },
      thirdParty: 9150,
      satisfaction: 9525,
      items: [
        { id: 1, kind: 'bonus', points: 500 },
        { id: 2, kind: 'bonus', points: 350 },
        { id: 3, kind: 'deduction', points: 100 },
        { id: 4, kind: 'deduction', points: 25 },
      ],
    });
    expect(result.parts.map((p) => p.points)).toEqual([5004, 1830, 1905]);
    expect(result.base).toBe(8739);
    expect(result.bonusClaimed).toBe(850);
    expect(result.bonus).toBe(850);
    expect(result.deductions).toBe(125);
    expect(result.total).toBe(9464);
    expect(formatHundredths(result.total)).toBe('94.64');
  });

  it('caps the bonus at 20 and rounds a scaled part half up', () => {
    // Ranking 77.77 of 95.00 → 77.77 / 95 × 60 = 49.1179 → 49.12.
    // Third-party 80.05 → 80.05 × 0.2 = 16.01; satisfaction missing → 0.
    // Base 49.12 + 16.01 = 65.13. Bonus 12 + 10 = 22 → capped at 20. No deduction.
    // Total 65.13 + 20 = 85.13.
    const result = computeAssessment({
      ranking: { score: 7777, maxScore: 9500 },
      thirdParty: 8005,
      satisfaction: null,
      items: [
        { id: 1, kind: 'bonus', points: 1200 },
        { id: 2, kind: 'bonus', points: 1000 },
      ],
    });
    expect(result.parts.map((p) => p.points)).toEqual([4912, 1601, 0]);
    expect(result.bonusClaimed).toBe(2200);
    expect(result.bonus).toBe(2000);
    expect(result.total).toBe(8513);
  });

  it('a unit with nothing entered scores 0, and deductions may take the total below 0', () => {
    // Nothing entered: base 0; one deduction of 2 points → total −2.00.
    const result = computeAssessment({ ranking: null, thirdParty: null, satisfaction: null, items: [{ id: 1, kind: 'deduction', points: 200 }] });
    expect(result.base).toBe(0);
    expect(result.total).toBe(-200);
    expect(formatHundredths(result.total)).toBe('-2.00');
  });

  it('scaledPoints rounds half up: 1 of 3 worth 0.01 → 0.00; worth 0.02 → 0.01 (0.00667 → 0.01)', () => {
    expect(scaledPoints(1, 1, 3)).toBe(0);
    expect(scaledPoints(2, 1, 3)).toBe(1);
    expect(scaledPoints(3, 1, 2)).toBe(2); // 1.5 → 2
    expect(scaledPoints(100, 5, 0)).toBe(0);
  });

  it('parsePoints reads at most two decimals', () => {
    expect(parsePoints('87.5')).toBe(8750);
    expect(parsePoints(92)).toBe(9200);
    expect(parsePoints('0.05')).toBe(5);
    expect(parsePoints('87.456')).toBeNull();
    expect(parsePoints('-1')).toBeNull();
    expect(parsePoints('abc')).toBeNull();
  });
});

const hundredths = fc.integer({ min: 0, max: 10000 });
const itemArb: fc.Arbitrary<AssessmentItemInput> = fc.record({
  id: fc.nat(),
  kind: fc.constantFrom('bonus' as const, 'deduction' as const),
  points: fc.integer({ min: 1, max: 2000 }),
});
const inputArb: fc.Arbitrary<AssessmentInput> = fc.record({
  ranking: fc.option(
    fc.integer({ min: 1, max: 20000 }).chain((max) => fc.record({ score: fc.integer({ min: 0, max }), maxScore: fc.constant(max) })),
  ),
  thirdParty: fc.option(hundredths),
  satisfaction: fc.option(hundredths),
  items: fc.array(itemArb, { maxLength: 30 }),
});

describe('computeAssessment: properties', () => {
  it('the bonus counted is never above 20 points', () => {
    fc.assert(fc.property(inputArb, (input) => computeAssessment(input).bonus <= defaultAssessmentConfig.bonusCap));
  });

  it('total = base + bonus − deductions, and base is the sum of its parts, all integers', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeAssessment(input);
        const partsSum = r.parts.reduce((s, p) => s + p.points, 0);
        return (
          r.base === partsSum &&
          r.total === r.base + r.bonus - r.deductions &&
          [r.base, r.bonus, r.deductions, r.total].every(Number.isInteger)
        );
      }),
    );
  });

  it('the base never exceeds 100 points', () => {
    fc.assert(fc.property(inputArb, (input) => computeAssessment(input).base <= 100 * 100));
  });

  it('does not depend on the order of the items', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffled = [...input.items].sort((a, b) => ((a.id * 31 + seed) % 7) - ((b.id * 31 + seed) % 7));
        const reversed = [...input.items].reverse();
        const a = computeAssessment(input);
        return (
          JSON.stringify(a) === JSON.stringify(computeAssessment({ ...input, items: shuffled })) &&
          JSON.stringify(a) === JSON.stringify(computeAssessment({ ...input, items: reversed }))
        );
      }),
    );
  });
});
