import type { TRankingAppeal, TRankingAppealCreate } from '@reform/contracts';
import type { RankingRow } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { isUniqueViolation } from '../versioned-write.ts';
import { appealDto, appealSelect } from './appeal-dto.ts';
import { ownRankedUnitId } from './ranking-helpers.ts';

const field = (path: string, zh: string) => new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en: zh } }] });
const onePending = { zh: '该事实已有一项待处理的申诉', en: 'This fact already has an open appeal' };

/** A unit appeals one fact of its own row in a published ranking, with a reason and, optionally, an evidence file of that task. */
export async function createRankingAppeal(ctx: UseCaseContext, body: TRankingAppealCreate): Promise<TRankingAppeal> {
  const ownUnitId = await ownRankedUnitId(ctx.db, ctx.user);
  const version = await ctx.db.prisma.rankingVersion.findUnique({
    where: { group_year_quarter_yearToDate_number: { group: body.group, year: body.year, quarter: body.quarter, yearToDate: body.yearToDate, number: body.version } },
    select: { id: true, rows: true },
  });
  if (!version || ownUnitId === null) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  const row = (version.rows as unknown as RankingRow[]).find((candidate) => candidate.unit.id === ownUnitId);
  const fact = row?.parts.flatMap((part) => part.facts).find((candidate) => candidate.key === body.factKey);
  if (!fact) throw field('factKey', '只能对本单位排名中的事实提出申诉');
  if (body.evidenceFileId !== undefined) {
    const file = await ctx.db.prisma.evidenceFile.findUnique({ where: { id: body.evidenceFileId }, select: { taskId: true } });
    if (file?.taskId !== fact.taskId) throw field('evidenceFileId', '证明材料须是该任务的佐证文件');
  }
  const pending = await ctx.db.prisma.rankingAppeal.findFirst({ where: { unitId: ownUnitId, factKey: body.factKey, status: 'pending' }, select: { id: true } });
  if (pending) throw new AppError(AppErrorCode.Conflict, onePending);
  try {
    const id = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.rankingAppeal.create({
        data: {
          rankingVersionId: version.id,
          unitId: ownUnitId,
          taskId: fact.taskId,
          factKey: fact.key,
          factText: fact.text,
          reason: body.reason,
          evidenceFileId: body.evidenceFileId ?? null,
          requestedById: ctx.user.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'ranking_appeal',
        entityId: created.id,
        action: 'create',
        changes: { fact: { from: null, to: fact.text }, reason: { from: null, to: body.reason } },
        requestId: ctx.requestId,
      });
      return created.id;
    });
    return appealDto(await ctx.db.prisma.rankingAppeal.findUniqueOrThrow({ where: { id }, select: appealSelect }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(AppErrorCode.Conflict, onePending);
    throw error;
  }
}
