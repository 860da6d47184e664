import type { Prisma } from '@reform/db';
import { AppError, AppErrorCode } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { finalisedYear, lockedText, unitScope } from './assessment-sheets.ts';
import { loadAssessmentConfig } from './load-assessment-config.ts';
import { rankingYearToDate } from './ranking-source.ts';

/**
 * 考评定稿: locks the year (every later write answers 409) and keeps the ranking's year-to-date
 * scores as they are now, so a finalised sheet never changes. Of several sent at once the year's
 * primary key lets exactly one in; the others answer 409.
 */
export async function finaliseAssessmentYear(ctx: UseCaseContext, year: number): Promise<{ year: number; finalised: { at: string; by: string } }> {
  if (await finalisedYear(ctx, year)) throw new AppError(AppErrorCode.Conflict, lockedText(year));
  const units = await ctx.db.prisma.unit.findMany({ where: unitScope(ctx), select: { id: true } });
  const ranking = await rankingYearToDate(ctx, year, units.map((u) => u.id));
  const snapshot = Object.fromEntries(ranking) as unknown as Prisma.InputJsonValue;
  const config = (await loadAssessmentConfig(ctx.db)) as unknown as Prisma.InputJsonValue;
  const won = await ctx.db.prisma.$transaction(async (tx) => {
    // The lock every write of the year takes: no write is half-way while the year is finalised.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`assessment-year:${year}`}))`;
    const { count } = await tx.assessmentYear.createMany({
      data: [{ year, finalisedById: ctx.user.id, rankingSnapshot: snapshot, config }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId: ctx.user.id,
      entity: 'assessment_year',
      entityId: year,
      action: 'finalise',
      changes: { 年度考评: { from: `${year} 年度考评（可修改）`, to: `${year} 年度考评已定稿锁定` } },
      requestId: ctx.requestId,
    });
    return true;
  });
  if (!won) throw new AppError(AppErrorCode.Conflict, lockedText(year));
  const finalised = await finalisedYear(ctx, year);
  return { year, finalised: { at: finalised!.at, by: finalised!.by } };
}
