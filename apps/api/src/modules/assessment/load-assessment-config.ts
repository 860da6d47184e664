import { ZAssessmentWeights, defaultAssessmentWeights } from '@reform/contracts';
import type { Database } from '@reform/db';
import { assessmentConfigOf, type AssessmentConfig } from '@reform/domain';

/** The weights the reform office set (setting `assessmentWeights`), or the default 60 + 20 + 20, bonus up to 20. */
export async function loadAssessmentWeights(db: Database) {
  const row = await db.prisma.setting.findUnique({ where: { key: 'assessmentWeights' } });
  return ZAssessmentWeights.safeParse(row?.value).data ?? defaultAssessmentWeights;
}

export async function loadAssessmentConfig(db: Database): Promise<AssessmentConfig> {
  return assessmentConfigOf(await loadAssessmentWeights(db));
}
