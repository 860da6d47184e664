import type { TRankingFormula, TRankingQuery, TRankingResponse } from '@reform/contracts';
import { isoDate, rankingFigurePeriod, type RankingGroup, type RankingPeriod, type RankingRow } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { memoizedByFacts } from '../fact-version.ts';
import { loadRankingFormula } from './load-ranking-formula.ts';
import { computeRanking, definitionsOf, ownRankedUnitId, tieBreakText, visibleRows } from './ranking-helpers.ts';

export const periodOf = (query: Pick<TRankingQuery, 'year' | 'quarter' | 'ytd'>): RankingPeriod => ({
  year: query.year,
  quarter: query.quarter as RankingPeriod['quarter'],
  yearToDate: query.ytd === 'true',
});

/**
 * One group's ranking for a quarter or the year to date. The reform office sees the live draft
 * (`draft=true`, or when nothing is published) and every published version; leaders and units see
 * published versions only (a unit: everyone's scores, the facts of its own row).
 */
export async function getRanking(ctx: UseCaseContext, query: TRankingQuery): Promise<TRankingResponse> {
  const group = query.group as RankingGroup;
  const period = periodOf(query);
  const versions = await ctx.db.prisma.rankingVersion.findMany({
    where: { group, year: period.year, quarter: period.quarter, yearToDate: period.yearToDate },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, publishedAt: true, note: true, publishedBy: { select: { displayName: true } } },
  });
  const refs = versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy.displayName, note: v.note }));
  const ownUnitId = await ownRankedUnitId(ctx.db, ctx.user);
  const office = ctx.user.role === 'admin';
  const base = { group, year: period.year, quarter: period.quarter, yearToDate: period.yearToDate, versions: refs, ownUnitId };

  const wantsDraft = office && query.version === undefined && (query.draft === 'true' || versions.length === 0);
  if (wantsDraft) {
    // The office's draft answer is the same for every office user: kept whole per fact version (its versions list is a fact too).
    return memoizedByFacts(ctx, ['ranking-draft-answer', group, period], async () => {
      const computed = await computeRanking(ctx.db, group, period, ctx.today);
      return respond(ctx, { ...base, status: 'draft', version: null, formula: computed.formula, rows: computed.rows, from: computed.from, asOf: computed.asOf }, ownUnitId);
    });
  }
  const wanted = query.version === undefined ? versions[0] : versions.find((v) => v.number === query.version);
  if (!wanted) {
    if (query.version !== undefined) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
    // Nothing published yet: a unit sees an empty ranking, never the draft.
    const { from, asOf } = rankingFigurePeriod(period, ctx.today);
    return respond(ctx, { ...base, status: 'published', version: null, formula: await loadRankingFormula(ctx.db), rows: [], from, asOf }, ownUnitId);
  }
  const stored = await ctx.db.prisma.rankingVersion.findUniqueOrThrow({ where: { id: wanted.id }, select: { formula: true, rows: true, asOf: true } });
  const { from } = rankingFigurePeriod(period, ctx.today);
  return respond(
    ctx,
    {
      ...base,
      status: 'published',
      version: wanted.number,
      formula: stored.formula as unknown as TRankingFormula,
      rows: stored.rows as unknown as RankingRow[],
      from,
      asOf: isoDate(stored.asOf),
    },
    ownUnitId,
  );
}

function respond(
  ctx: UseCaseContext,
  ranking: Omit<TRankingResponse, 'rows' | 'definitions' | 'tieBreak'> & { rows: RankingRow[] },
  ownUnitId: number | null,
): TRankingResponse {
  return {
    ...ranking,
    definitions: definitionsOf(ranking.formula),
    tieBreak: tieBreakText(ranking.formula),
    rows: visibleRows(ranking.rows, ctx.user, ownUnitId),
  };
}
