import type { TRankingPublishBody, TRankingResponse } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { dateColumn, type RankingGroup, type RankingPeriod } from '@reform/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { getRanking } from './get-ranking.ts';
import { computeRanking } from './ranking-helpers.ts';

/**
 * Publishes the ranking as the facts say now, as the version after `basedOn` (the latest the office saw).
 * The version number is unique per ranking, so of several publishes sent at once exactly one is stored;
 * the others answer 409 with the latest version.
 */
export async function publishRanking(ctx: UseCaseContext, body: TRankingPublishBody): Promise<TRankingResponse> {
  const group = body.group as RankingGroup;
  const period: RankingPeriod = { year: body.year, quarter: body.quarter as RankingPeriod['quarter'], yearToDate: body.yearToDate };
  const key = { group, year: period.year, quarter: period.quarter, yearToDate: period.yearToDate };
  const latest = () => ctx.db.prisma.rankingVersion.findFirst({ where: key, orderBy: { number: 'desc' }, select: { number: true, publishedAt: true, note: true } });
  const before = await latest();
  if ((before?.number ?? 0) !== body.basedOn) await staleVersion(latest);
  const computed = await computeRanking(ctx.db, group, period, ctx.today);
  const number = body.basedOn + 1;
  const note = body.note ?? '';
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.rankingVersion.createMany({
        data: [
          {
            ...key,
            number,
            asOf: dateColumn(computed.asOf),
            formula: computed.formula as unknown as Prisma.InputJsonValue,
            rows: computed.rows as unknown as Prisma.InputJsonValue,
            note,
            publishedById: ctx.user.id,
          },
        ],
        skipDuplicates: true,
      }),
    current: latest,
    rest: (tx) =>
      recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'ranking',
        entityId: `${group}:${period.year}Q${period.quarter}${period.yearToDate ? ':ytd' : ''}`,
        action: 'publish',
        changes: { version: { from: body.basedOn || null, to: number }, ...(note ? { note: { from: null, to: note } } : {}) },
        requestId: ctx.requestId,
      }),
  });
  return getRanking(ctx, { group, year: period.year, quarter: period.quarter, ytd: period.yearToDate ? 'true' : 'false', version: number });
}
