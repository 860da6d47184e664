import type { z } from 'zod';
import type { ZFigureScopeQuery } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { taskScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';

type FigureScope = z.infer<typeof ZFigureScopeQuery>;

/**
 * The tasks a figure counts: the user's scope first (policy.ts), then the dashboard's filters.
 * The dashboard and the drill-down (`GET /api/tasks?figure=…`) both narrow with this, so the
 * same filters find the same tasks behind the same numbers.
 */
export async function figureScopeFilters(ctx: UseCaseContext, query: FigureScope): Promise<Prisma.TaskWhereInput[]> {
  const filters: Prisma.TaskWhereInput[] = [taskScope(ctx.user)];
  if (query.list) filters.push({ list: query.list });
  if (query.field) filters.push({ field: query.field });
  if (query.specialGroupId) filters.push({ specialGroupId: query.specialGroupId });
  const unitIds = [query.unitId, query.countyId].filter((id): id is number => id !== undefined);
  if (unitIds.length > 0) {
    // A unit or county takes in its subtree (the task's lead unit), as the task list's unit filter does.
    const units = await ctx.db.prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, path: true } });
    for (const id of unitIds) {
      const path = units.find((unit) => unit.id === id)?.path ?? '/none/';
      filters.push({ leadUnit: { path: { startsWith: path } } });
    }
  }
  return filters;
}
