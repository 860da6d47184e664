import type { TReportRoundList } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import type { SessionUser } from '../../access/session-user.ts';
import type { UseCaseContext } from '../context.ts';
import { roundInclude, toReportRound } from './report-dto.ts';

/**
 * Rounds a user may see, as a query: the city and leaders all; others those whose scope holds
 * their own (the city's round, their county's) or lies within it (a county office's own rounds).
 */
export function roundScope(user: SessionUser): Prisma.ReportRoundWhereInput {
  if (user.role === 'admin' || user.role === 'leader') return {};
  const holders = ancestorPaths(user.scopePath);
  return { OR: [{ scopePath: { in: ['', ...holders] } }, { scopePath: { startsWith: user.scopePath } }] };
}

/** '/1/4/9/' → ['/1/', '/1/4/', '/1/4/9/']: the paths whose subtree holds this one. */
function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** The rounds in the user's scope, newest quarter first. */
export async function listReportRounds(ctx: UseCaseContext): Promise<TReportRoundList> {
  const rows = await ctx.db.prisma.reportRound.findMany({
    where: roundScope(ctx.user),
    include: roundInclude,
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { id: 'asc' }],
    take: 200,
  });
  return { items: rows.map(toReportRound), total: rows.length };
}
