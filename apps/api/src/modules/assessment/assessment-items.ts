import { AssessmentItemKindEnum, type TAssessmentItemKind } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { formatHundredths } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';

const invalid = (path: string, zh: string) =>
  new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en: zh } }] });

/** An entry in words, for the audit log: "加分 5.00 分：经验被省委改革办推广". */
export function itemInWords(item: { kind: TAssessmentItemKind; points: number; reason: string }): string {
  const label = AssessmentItemKindEnum.labels[item.kind];
  return `${label} ${formatHundredths(item.points)} 分：${item.reason}`;
}

export const duplicateBase = (kind: TAssessmentItemKind) =>
  invalid('kind', `该单位本年度已有${AssessmentItemKindEnum.labels[kind]}，请修改原条目`);

/** Checks what an entry refers to: evidence files that exist, a typical case of the same unit (bonus items only). */
export async function checkReferences(
  ctx: UseCaseContext,
  unitId: number,
  kind: TAssessmentItemKind,
  refs: { evidenceIds?: number[]; typicalCaseId?: number | null },
): Promise<void> {
  if (refs.evidenceIds && refs.evidenceIds.length > 0) {
    const ids = [...new Set(refs.evidenceIds)];
    const found = await ctx.db.prisma.evidenceFile.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw invalid('evidenceIds', `佐证材料不存在：${missing.join('、')}`);
  }
  if (refs.typicalCaseId != null) {
    if (kind !== 'bonus') throw invalid('typicalCaseId', '只有加分条目可以关联典型案例');
    const found = await ctx.db.prisma.typicalCase.findFirst({ where: { id: refs.typicalCaseId, unitId }, select: { id: true } });
    if (!found) throw invalid('typicalCaseId', '典型案例不存在或不属于该单位');
  }
}

/** The sheet's row for the unit and year, created on its first entry. */
export async function sheetId(tx: Prisma.TransactionClient, unitId: number, year: number): Promise<number> {
  const sheet = await tx.assessment.upsert({ where: { unitId_year: { unitId, year } }, create: { unitId, year }, update: {}, select: { id: true } });
  return sheet.id;
}
