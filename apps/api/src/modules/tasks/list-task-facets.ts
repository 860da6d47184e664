import type { TTaskFacets } from '@reform/contracts';
import { taskScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';

/** Values for the list's filter drop-downs, drawn from the tasks the user can see. */
export async function listTaskFacets(ctx: UseCaseContext): Promise<TTaskFacets> {
  const where = taskScope(ctx.user);
  const fields = await ctx.db.prisma.task.findMany({ where, distinct: ['field'], select: { field: true }, orderBy: { field: 'asc' } });
  const years = await ctx.db.prisma.task.findMany({ where, distinct: ['year'], select: { year: true }, orderBy: { year: 'desc' } });
  return { fields: fields.map((row) => row.field), years: years.map((row) => row.year) };
}
