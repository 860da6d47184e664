import type { TAssessmentSheet } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { configOf, findAssessedUnit, finalisedYear, rankingScores, scoreOf } from './assessment-sheets.ts';

/** 考评表: one unit's score for a year with every entry, its reason, evidence and typical case. */
export async function getAssessmentSheet(ctx: UseCaseContext, year: number, unitId: number): Promise<TAssessmentSheet> {
  const unit = await findAssessedUnit(ctx, unitId);
  const finalised = await finalisedYear(ctx, year);
  const items = await ctx.db.prisma.assessmentItem.findMany({
    where: { assessment: { year, unitId } },
    include: {
      typicalCase: { select: { id: true, title: true, promotedLevel: true } },
      createdBy: { select: { displayName: true } },
    },
    orderBy: { id: 'asc' },
  });
  const evidenceIds = [...new Set(items.flatMap((i) => i.evidenceIds))];
  const files = evidenceIds.length
    ? await ctx.db.prisma.evidenceFile.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, originalName: true, taskId: true } })
    : [];
  const fileById = new Map(files.map((f) => [f.id, { id: f.id, name: f.originalName, taskId: f.taskId }]));
  const typicalCases = await ctx.db.prisma.typicalCase.findMany({
    where: { unitId },
    select: { id: true, title: true, promotedLevel: true },
    orderBy: { id: 'asc' },
  });
  const ranking = await rankingScores(ctx, year, [unitId], finalised);
  return {
    year,
    unit,
    finalised: finalised && { at: finalised.at, by: finalised.by },
    score: scoreOf(items, ranking.get(unitId) ?? null, await configOf(ctx, finalised)),
    items: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      points: item.points,
      reason: item.reason,
      evidence: item.evidenceIds.flatMap((id) => fileById.get(id) ?? []),
      typicalCase: item.typicalCase,
      createdBy: item.createdBy?.displayName ?? null,
      updatedAt: item.updatedAt.toISOString(),
      version: item.version,
    })),
    rankingParts: ranking.get(unitId)?.parts ?? [],
    typicalCases,
  };
}
