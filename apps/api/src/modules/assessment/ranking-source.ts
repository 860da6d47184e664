import type { YearToDateScore } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';

/**
 * The ranking's year-to-date score of each unit (晾晒比拼全年累计): the assessment takes it from
 * the ranking module and never recomputes it another way. Until the ranking module is wired in,
 * no unit has one, and the ranking part of the base counts 0 and shows as missing.
 */
export async function rankingYearToDate(_ctx: UseCaseContext, _year: number, _unitIds: number[]): Promise<Map<number, YearToDateScore>> {
  return new Map();
}
