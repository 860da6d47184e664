import { ZRankingFormula } from '@reform/contracts';
import type { Database } from '@reform/db';
import { defaultRankingFormula, type RankingFormula } from '@reform/domain';

/** The formula the reform office set (setting `rankingFormula`), or the default. */
export async function loadRankingFormula(db: Database): Promise<RankingFormula> {
  const row = await db.prisma.setting.findUnique({ where: { key: 'rankingFormula' } });
  return ZRankingFormula.safeParse(row?.value).data ?? defaultRankingFormula;
}
