import type { TAssessmentSheet } from '@reform/contracts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { assertOpen, lockOpenYear, findAssessedUnit } from './assessment-sheets.ts';
import { itemInWords } from './assessment-items.ts';
import { getAssessmentSheet } from './get-assessment-sheet.ts';

/** 删除考评条目 (versioned); refused once the year is finalised. */
export async function deleteAssessmentItem(ctx: UseCaseContext, year: number, unitId: number, itemId: number, version: number): Promise<TAssessmentSheet> {
  const unit = await findAssessedUnit(ctx, unitId);
  const read = () => ctx.db.prisma.assessmentItem.findFirst({ where: { id: itemId, assessment: { year, unitId } } });
  const before = await read();
  if (!before) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  await assertOpen(ctx.db.prisma, year);
  if (before.version !== version) await staleVersion(read);
  await versionedWrite(ctx, {
    claim: async (tx) => {
      await lockOpenYear(tx, year);
      return tx.assessmentItem.deleteMany({ where: { id: itemId, version } });
    },
    current: read,
    rest: (tx) =>
      recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'assessment_item',
        entityId: itemId,
        action: 'delete',
        changes: { 考评条目: { from: `${unit.name} ${year} 年度：${itemInWords(before)}`, to: null } },
        requestId: ctx.requestId,
      }),
  });
  return getAssessmentSheet(ctx, year, unitId);
}
