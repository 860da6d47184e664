import type { TAssessmentList, TAssessmentListQuery } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { assessmentFormula, configOf, finalisedYear, itemsByUnit, rankingScores, rankRows, scoreOf, unitScope } from './assessment-sheets.ts';

/** 年度考评汇总: one row per unit of the group in the user's scope, ranked by total. */
export async function listAssessments(ctx: UseCaseContext, query: TAssessmentListQuery): Promise<TAssessmentList> {
  const units = await ctx.db.prisma.unit.findMany({
    where: unitScope(ctx, query.group),
    select: { id: true, name: true, kind: true, parent: { select: { name: true } } },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  const ids = units.map((u) => u.id);
  const finalised = await finalisedYear(ctx, query.year);
  const config = await configOf(ctx, finalised);
  const items = await itemsByUnit(ctx, query.year, ids);
  const ranking = await rankingScores(ctx, query.year, ids, finalised);
  const rows = units.map((unit) => {
    const unitItems = items.get(unit.id) ?? [];
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, parentName: unit.parent?.name ?? null },
      score: scoreOf(unitItems, ranking.get(unit.id) ?? null, config),
      itemCount: unitItems.length,
    };
  });
  return {
    year: query.year,
    group: query.group,
    finalised: finalised && { at: finalised.at, by: finalised.by },
    formula: assessmentFormula(config),
    rows: rankRows(rows),
  };
}
