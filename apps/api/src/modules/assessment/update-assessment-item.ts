import { ZAssessmentItemPatchBody, type TAssessmentItemPatchBody, type TAssessmentSheet } from '@reform/contracts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { assertOpen, lockOpenYear, findAssessedUnit } from './assessment-sheets.ts';
import { checkReferences, itemInWords } from './assessment-items.ts';
import { getAssessmentSheet } from './get-assessment-sheet.ts';

/** 修改考评条目 (versioned): points, reason, evidence or typical case; refused once the year is finalised. */
export async function updateAssessmentItem(
  ctx: UseCaseContext,
  year: number,
  unitId: number,
  itemId: number,
  input: TAssessmentItemPatchBody,
): Promise<TAssessmentSheet> {
  const body = ZAssessmentItemPatchBody.parse(input);
  const unit = await findAssessedUnit(ctx, unitId);
  const read = () => ctx.db.prisma.assessmentItem.findFirst({ where: { id: itemId, assessment: { year, unitId } } });
  const before = await read();
  if (!before) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  await assertOpen(ctx.db.prisma, year);
  if (before.version !== body.version) await staleVersion(read);
  await checkReferences(ctx, unitId, before.kind, body);
  const after = {
    kind: before.kind,
    points: body.points ?? before.points,
    reason: body.reason ?? before.reason,
  };
  await versionedWrite(ctx, {
    claim: async (tx) => {
      await lockOpenYear(tx, year);
      return tx.assessmentItem.updateMany({
        where: { id: itemId, version: body.version },
        data: {
          points: after.points,
          reason: after.reason,
          ...(body.evidenceIds ? { evidenceIds: [...new Set(body.evidenceIds)] } : {}),
          ...(body.typicalCaseId !== undefined ? { typicalCaseId: body.typicalCaseId } : {}),
          version: { increment: 1 },
        },
      });
    },
    current: read,
    rest: (tx) =>
      recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'assessment_item',
        entityId: itemId,
        action: 'update',
        changes: { 考评条目: { from: `${unit.name} ${year} 年度：${itemInWords(before)}`, to: `${unit.name} ${year} 年度：${itemInWords(after)}` } },
        requestId: ctx.requestId,
      }),
  });
  return getAssessmentSheet(ctx, year, unitId);
}
