import type { TReportList, TReportListQuery } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { reportScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { pageArgs, totalOf } from '../paging.ts';
import { reportListSelect, toReportListItem } from './report-dto.ts';

/**
 * Reports in the caller's scope, newest quarter first: the page's ids are picked first (an index
 * walk), then only the shown columns of those rows are loaded with their task and unit joined.
 */
export async function listReports(ctx: UseCaseContext, query: TReportListQuery): Promise<TReportList> {
  const where: Prisma.ProgressReportWhereInput = {
    AND: [
      reportScope(ctx.user),
      {
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(query.quarter !== undefined ? { quarter: query.quarter } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.taskId ? { taskId: query.taskId } : {}),
        ...(query.roundId ? { roundId: query.roundId } : {}),
        ...(query.late ? { late: query.late === 'true' } : {}),
      },
    ],
  };
  const orderBy: Prisma.ProgressReportOrderByWithRelationInput[] = [{ year: 'desc' }, { quarter: 'desc' }, { id: 'asc' }];
  const ids = await ctx.db.prisma.progressReport.findMany({ where, orderBy, select: { id: true }, ...pageArgs(query) });
  const rows =
    ids.length === 0
      ? []
      : await ctx.db.prisma.progressReport.findMany({
          relationLoadStrategy: 'join',
          where: { id: { in: ids.map((r) => r.id) } },
          orderBy,
          select: reportListSelect,
        });
  const total = await totalOf(query, rows.length, () => ctx.db.prisma.progressReport.count({ where }));
  return { items: rows.map(toReportListItem), total };
}
