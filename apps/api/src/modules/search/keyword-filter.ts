import type { Prisma } from '@reform/db';
import { searchQueryTerms } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { refreshSearchTerms } from './refresh-search-terms.ts';

/** The keyword (`q`) part of the task list's filter: the search's one contribution to the list loader. */
export async function keywordFilter(ctx: UseCaseContext, q: string): Promise<Prisma.TaskWhereInput> {
  const terms = searchQueryTerms(q);
  if (terms.length === 0) return { code: { contains: q, mode: 'insensitive' } };
  // Searching reads the terms, so a task edited a moment ago is found by its new words.
  await refreshSearchTerms(ctx.db, { maxTasks: 2_000 });
  return { search: { is: { terms: { hasEvery: terms } } } };
}
