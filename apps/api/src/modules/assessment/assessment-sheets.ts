import type { TAssessmentGroup, TAssessmentItemKind, TAssessmentScore } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { computeAssessment, formatHundredths, type AssessmentConfig, type YearToDateScore } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { loadAssessmentConfig } from './load-assessment-config.ts';
import { rankingYearToDate, type UnitYearToDate } from './ranking-source.ts';

/** Which unit kinds each group assesses: departments and counties are never ranked against each other. */
export const groupKinds: Record<TAssessmentGroup, ('department' | 'county' | 'zone')[]> = {
  department: ['department'],
  county: ['county', 'zone'],
};

/** How the base and the total are computed under a config, in words (shown above the table and in the export). */
export function assessmentFormula(config: AssessmentConfig): string {
  const w = config.weights;
  return (
    `基础分（满分 ${formatHundredths(w.ranking + w.thirdParty + w.satisfaction)} 分）= 晾晒比拼全年累计得分折算 ${formatHundredths(w.ranking)} 分 + 第三方评估折算 ${formatHundredths(w.thirdParty)} 分 + 群众满意度折算 ${formatHundredths(w.satisfaction)} 分；` +
    `总分 = 基础分 + 加分（最多 ${formatHundredths(config.bonusCap)} 分）− 扣分。同分按单位排序先后列出，名次相同。`
  );
}

/** The config a year is scored under: as kept at finalisation, else the office's current setting. */
export async function configOf(ctx: Pick<UseCaseContext, 'db'>, finalised: FinalisedYear | null): Promise<AssessmentConfig> {
  return finalised?.config ?? loadAssessmentConfig(ctx.db);
}

/**
 * The units of a group a user may see: everyone's for the office and leaders, a county office its
 * county, unit staff their own unit (a special group is no assessed unit, so it sees none).
 */
export function unitScope(ctx: UseCaseContext, group?: TAssessmentGroup): Prisma.UnitWhereInput {
  const kinds = group ? { kind: { in: groupKinds[group] } } : { kind: { in: [...groupKinds.department, ...groupKinds.county] } };
  switch (ctx.user.role) {
    case 'admin':
    case 'leader':
      return kinds;
    case 'county_office':
      return { ...kinds, id: { in: ctx.user.scopeUnitIds } };
    case 'group_office':
    case 'unit_staff':
      return { ...kinds, id: ctx.user.unit.id };
  }
}

/** A unit that can be assessed and that the user may see, else 404. */
export async function findAssessedUnit(ctx: UseCaseContext, unitId: number): Promise<{ id: number; name: string }> {
  const unit = await ctx.db.prisma.unit.findFirst({ where: { AND: [{ id: unitId }, unitScope(ctx)] }, select: { id: true, name: true } });
  if (!unit) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return unit;
}

export interface FinalisedYear {
  at: string;
  by: string;
  rankingSnapshot: Record<string, UnitYearToDate>;
  config: AssessmentConfig;
}

export async function finalisedYear(ctx: Pick<UseCaseContext, 'db'>, year: number): Promise<FinalisedYear | null> {
  const row = await ctx.db.prisma.assessmentYear.findUnique({ where: { year }, include: { finalisedBy: { select: { displayName: true } } } });
  if (!row) return null;
  return { at: row.finalisedAt.toISOString(), by: row.finalisedBy.displayName, rankingSnapshot: row.rankingSnapshot as unknown as Record<string, UnitYearToDate>,
    config: row.config as unknown as AssessmentConfig,
  };
}

export const lockedText = (year: number) => ({
  zh: `${year} 年度考评已由市委改革办定稿锁定，不能再修改。如确需更正，请联系市委改革办。`,
  en: `The ${year} assessment has been finalised and can no longer be changed`,
});

/**
 * Inside a write's transaction: holds the year's lock (finalising takes it too, so a write and the
 * finalisation never interleave: the write either commits before the year is finalised or sees it
 * finalised), then refuses the write if the year is finalised.
 */
export async function lockOpenYear(tx: Prisma.TransactionClient, year: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`assessment-year:${year}`}))`;
  await assertOpen(tx, year);
}

/** Refuses any write to a finalised year (409); the early check before a write starts its transaction. */
export async function assertOpen(db: Pick<Prisma.TransactionClient, 'assessmentYear'>, year: number): Promise<void> {
  const row = await db.assessmentYear.findUnique({ where: { year }, select: { year: true } });
  if (row) throw new AppError(AppErrorCode.Conflict, lockedText(year));
}

interface ItemFact {
  kind: TAssessmentItemKind;
  points: number;
  id: number;
}

/** The score of each unit from its entries and the ranking's year-to-date scores: one pure domain function. */
export function scoreOf(items: readonly ItemFact[], ranking: YearToDateScore | null, config: AssessmentConfig): TAssessmentScore {
  const thirdParty = items.find((i) => i.kind === 'third_party')?.points ?? null;
  const satisfaction = items.find((i) => i.kind === 'satisfaction')?.points ?? null;
  const scored = items.flatMap((i) => (i.kind === 'bonus' || i.kind === 'deduction' ? [{ id: i.id, kind: i.kind, points: i.points }] : []));
  return computeAssessment({ ranking, thirdParty, satisfaction, items: scored }, config);
}

/** The year-to-date ranking of these units: as kept at finalisation, else as the ranking computes it now. */
export async function rankingScores(
  ctx: UseCaseContext,
  year: number,
  unitIds: number[],
  finalised: FinalisedYear | null,
): Promise<Map<number, UnitYearToDate>> {
  if (finalised) {
    return new Map(unitIds.flatMap((id) => (finalised.rankingSnapshot[id] ? [[id, finalised.rankingSnapshot[id]] as const] : [])));
  }
  return rankingYearToDate(ctx, year, unitIds);
}

/** Each unit's entries of a year, by unit id. */
export async function itemsByUnit(ctx: UseCaseContext, year: number, unitIds: number[]): Promise<Map<number, ItemFact[]>> {
  const rows = await ctx.db.prisma.assessmentItem.findMany({
    where: { assessment: { year, unitId: { in: unitIds } } },
    select: { id: true, kind: true, points: true, assessment: { select: { unitId: true } } },
    orderBy: { id: 'asc' },
  });
  const map = new Map<number, ItemFact[]>();
  for (const row of rows) {
    const list = map.get(row.assessment.unitId) ?? [];
    list.push({ id: row.id, kind: row.kind, points: row.points });
    map.set(row.assessment.unitId, list);
  }
  return map;
}

/** Ranks by total, highest first; equal totals share a rank (competition ranking: 1, 1, 3). */
export function rankRows<T extends { score: { total: number } }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score.total - a.score.total);
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || sorted[i - 1]!.score.total !== row.score.total) rank = i + 1;
    return { ...row, rank };
  });
}
