import { ZAssessmentItemBody, type TAssessmentItemBody, type TAssessmentSheet } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isUniqueViolation } from '../versioned-write.ts';
import { assertOpen, lockOpenYear, findAssessedUnit } from './assessment-sheets.ts';
import { checkReferences, duplicateBase, itemInWords, sheetId } from './assessment-items.ts';
import { getAssessmentSheet } from './get-assessment-sheet.ts';

/** 新增考评条目: a base score, bonus or deduction with its reason and evidence; refused once the year is finalised. */
export async function addAssessmentItem(ctx: UseCaseContext, year: number, unitId: number, input: TAssessmentItemBody): Promise<TAssessmentSheet> {
  const body = ZAssessmentItemBody.parse(input);
  const unit = await findAssessedUnit(ctx, unitId);
  await assertOpen(ctx.db.prisma, year);
  await checkReferences(ctx, unitId, body.kind, body);
  if (body.kind === 'third_party' || body.kind === 'satisfaction') {
    const existing = await ctx.db.prisma.assessmentItem.findFirst({ where: { kind: body.kind, assessment: { year, unitId } }, select: { id: true } });
    if (existing) throw duplicateBase(body.kind);
  }
  try {
    await ctx.db.prisma.$transaction(async (tx) => {
      await lockOpenYear(tx, year);
      const assessmentId = await sheetId(tx, unitId, year);
      const item = await tx.assessmentItem.create({
        data: {
          assessmentId,
          kind: body.kind,
          points: body.points,
          reason: body.reason,
          evidenceIds: [...new Set(body.evidenceIds)],
          typicalCaseId: body.typicalCaseId,
          createdById: ctx.user.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'assessment_item',
        entityId: item.id,
        action: 'create',
        changes: { 考评条目: { from: null, to: `${unit.name} ${year} 年度：${itemInWords(body)}` } },
        requestId: ctx.requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateBase(body.kind);
    throw error;
  }
  return getAssessmentSheet(ctx, year, unitId);
}
