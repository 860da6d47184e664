import type { Database } from '@reform/db';
import type { RankingFactOverrides } from '@reform/domain';

/** What accepted appeals did to facts: every later computation excludes or corrects them. */
export async function loadFactOverrides(db: Database): Promise<Map<string, 'exclude' | 'correct'>> {
  const rows = await db.prisma.rankingAppeal.findMany({
    where: { status: 'accepted', override: { not: null } },
    select: { factKey: true, override: true },
    orderBy: { id: 'asc' },
  });
  return new Map(rows.map((row) => [row.factKey, row.override!])) satisfies RankingFactOverrides;
}
