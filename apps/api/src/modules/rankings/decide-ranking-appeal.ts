import type { TRankingAppeal, TRankingAppealDecision } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { dateColumn, type RankingRow } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { appealDto, appealSelect } from './appeal-dto.ts';
import { computeRanking } from './ranking-helpers.ts';

const decided = { zh: '该申诉已处理', en: 'This appeal was already decided' };

/**
 * The office accepts an appeal (the fact is excluded, or corrected to met, from now on) or refuses it with a reason.
 * Accepting recomputes every published ranking whose latest version counted the fact (the quarter and the year to
 * date alike) and publishes the result as the next version: the earlier versions stay as they were.
 */
export async function decideRankingAppeal(ctx: UseCaseContext, id: number, body: TRankingAppealDecision): Promise<TRankingAppeal> {
  const read = () => ctx.db.prisma.rankingAppeal.findUnique({ where: { id }, select: appealSelect });
  const appeal = await read();
  if (!appeal) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  const current = async () => {
    const row = await read();
    return row ? appealDto(row) : null;
  };
  if (appeal.version !== body.version) await staleVersion(current);
  if (appeal.status !== 'pending') throw new AppError(AppErrorCode.Conflict, decided, { current: appealDto(appeal) });

  const recomputed: Array<Prisma.RankingVersionCreateManyInput> = [];
  if (body.decision === 'accept') {
    const { group, year } = appeal.rankingVersion;
    const versions = await ctx.db.prisma.rankingVersion.findMany({
      where: { group, year },
      orderBy: [{ quarter: 'asc' }, { yearToDate: 'asc' }, { number: 'desc' }],
      select: { quarter: true, yearToDate: true, number: true, rows: true },
    });
    const heads = versions.filter((v, i) => i === 0 || versions[i - 1]!.quarter !== v.quarter || versions[i - 1]!.yearToDate !== v.yearToDate);
    for (const head of heads) {
      const row = (head.rows as unknown as RankingRow[]).find((candidate) => candidate.unit.id === appeal.unit.id);
      if (!row?.parts.some((part) => part.facts.some((fact) => fact.key === appeal.factKey))) continue;
      const period = { year, quarter: head.quarter as 1 | 2 | 3 | 4, yearToDate: head.yearToDate };
      const computed = await computeRanking(ctx.db, group, period, ctx.today, { factKey: appeal.factKey, override: body.override });
      recomputed.push({
        group,
        ...period,
        number: head.number + 1,
        asOf: dateColumn(computed.asOf),
        formula: computed.formula as unknown as Prisma.InputJsonValue,
        rows: computed.rows as unknown as Prisma.InputJsonValue,
        note: `采纳${appeal.unit.name}的申诉（${body.override === 'exclude' ? '剔除' : '更正'}：${appeal.factText}）后重新计算`,
        publishedById: ctx.user.id,
      });
    }
  }
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.rankingAppeal.updateMany({
        where: { id, version: body.version, status: 'pending' },
        data: {
          status: body.decision === 'accept' ? 'accepted' : 'refused',
          override: body.decision === 'accept' ? body.override : null,
          decisionReason: body.reason ?? '',
          decidedById: ctx.user.id,
          decidedAt: new Date(),
          version: { increment: 1 },
        },
      }),
    current,
    rest: async (tx) => {
      if (recomputed.length > 0) {
        const { count } = await tx.rankingVersion.createMany({ data: recomputed, skipDuplicates: true });
        // Another publish took a number meanwhile: nothing of this decision is kept, the office decides again.
        if (count !== recomputed.length) throw new AppError(AppErrorCode.Conflict, errorText.staleVersion);
      }
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'ranking_appeal',
        entityId: id,
        action: body.decision,
        changes: {
          status: { from: 'pending', to: body.decision === 'accept' ? 'accepted' : 'refused' },
          ...(body.decision === 'accept' ? { override: { from: null, to: body.override } } : {}),
          ...(body.reason ? { reason: { from: '', to: body.reason } } : {}),
          ...(recomputed.length > 0 ? { versions: { from: null, to: recomputed.map((v) => `${v.year}Q${v.quarter}${v.yearToDate ? ' 年度累计' : ''} 第${v.number}版`) } } : {}),
        },
        requestId: ctx.requestId,
      });
    },
  });
  return (await current())!;
}
