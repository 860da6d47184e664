import type { ZInspectionListQuery, ZInspectionPage } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import type { z } from 'zod';
import { inspectionScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { pageArgs, totalOf } from '../paging.ts';
import { inspectionSummaryInclude, toInspectionSummary } from './inspection-dto.ts';

/** Inspections in the user's scope, newest first, optionally of one task. */
export async function listInspections(
  ctx: UseCaseContext,
  query: z.infer<typeof ZInspectionListQuery>,
): Promise<z.infer<typeof ZInspectionPage>> {
  const where: Prisma.InspectionWhereInput = {
    AND: [inspectionScope(ctx.user), query.taskId ? { tasks: { some: { taskId: query.taskId } } } : {}],
  };
  const rows = await ctx.db.prisma.inspection.findMany({
    where,
    include: inspectionSummaryInclude,
    orderBy: [{ inspectedOn: 'desc' }, { id: 'desc' }],
    ...pageArgs(query),
  });
  const total = await totalOf(query, rows.length, () => ctx.db.prisma.inspection.count({ where }));
  return { items: rows.map((row) => toInspectionSummary(row, ctx.today)), total };
}
