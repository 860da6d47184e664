/** One page of a list: what the query asks for, as Prisma's skip/take. */
export function pageArgs(query: { page: number; pageSize: number }): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

/**
 * The number of matching rows, counted only when the page cannot tell: a page that is neither
 * empty nor full is the last one, so the total is what came before it plus its rows.
 */
export async function totalOf(
  query: { page: number; pageSize: number },
  rowsOnPage: number,
  count: () => Promise<number>,
): Promise<number> {
  const { skip, take } = pageArgs(query);
  if (rowsOnPage > 0 && rowsOnPage < take) return skip + rowsOnPage;
  if (rowsOnPage === 0 && skip === 0) return 0;
  return count();
}
