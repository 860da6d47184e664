import { assessmentImportHeaders, type TAssessmentImportResult } from '@reform/contracts';
import { formatHundredths, parsePoints } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cellText } from '../ledger/ledger-cells.ts';
import { readLedger } from '../ledger/read-ledger.ts';
import { assertOpen, lockOpenYear, unitScope } from './assessment-sheets.ts';
import { sheetId } from './assessment-items.ts';

const MAX_ROWS = 2000;
const IMPORT_REASON = 'Excel 导入';

const headerAliases = {
  unit: ['单位', '单位名称', '被考评单位'],
  thirdParty: ['第三方评估得分', '第三方评估', '第三方评价'],
  satisfaction: ['群众满意度得分', '满意度', '群众满意度', '满意度得分'],
} as const;

/** A number cell as hundredths, if it has at most two decimals (Excel stores 87.35 as 87.349999…). */
function numberPoints(value: number): number | null {
  const hundredths = Math.round(value * 100);
  if (!Number.isFinite(value) || value < 0 || Math.abs(value * 100 - hundredths) > 1e-6) return null;
  return hundredths;
}

export interface AssessmentImportOutcome {
  rejected: boolean;
  result: TAssessmentImportResult;
}

/**
 * 导入第三方评估和满意度得分: reads the workbook through the ledger's reader (unpacking limits,
 * worker pool), checks every row (unit known and assessable, scores 0–100 with at most two
 * decimals) and, unless it is a dry run or a row has a problem, writes each score as the unit's
 * base entry of that kind in one transaction.
 */
export async function importAssessmentScores(ctx: UseCaseContext, year: number, file: Buffer, dryRun: boolean): Promise<AssessmentImportOutcome> {
  await assertOpen(ctx.db.prisma, year);
  const sheet = await readLedger(file);
  const errors: TAssessmentImportResult['errors'] = [];
  const column = (key: keyof typeof headerAliases) => sheet.headers.findIndex((h) => (headerAliases[key] as readonly string[]).includes(h.trim()));
  const unitCol = column('unit');
  const thirdCol = column('thirdParty');
  const satCol = column('satisfaction');
  if (unitCol < 0) errors.push({ row: sheet.headerRowNumber, column: assessmentImportHeaders.unit, message: `缺少“${assessmentImportHeaders.unit}”列` });
  if (thirdCol < 0 && satCol < 0) {
    errors.push({
      row: sheet.headerRowNumber,
      column: assessmentImportHeaders.thirdParty,
      message: `至少需要“${assessmentImportHeaders.thirdParty}”或“${assessmentImportHeaders.satisfaction}”一列`,
    });
  }
  if (sheet.rows.length > MAX_ROWS) errors.push({ row: sheet.headerRowNumber, column: '', message: `一次最多导入 ${MAX_ROWS} 行` });
  const empty: TAssessmentImportResult = { total: sheet.rows.length, scores: 0, imported: false, errors, preview: [] };
  if (errors.length > 0) return { rejected: true, result: empty };

  const units = await ctx.db.prisma.unit.findMany({ where: unitScope(ctx), select: { id: true, name: true, shortName: true } });
  const byName = new Map<string, { id: number; name: string }>();
  for (const u of units) {
    byName.set(u.name, u);
    if (u.shortName) byName.set(u.shortName, u);
  }
  const seen = new Map<number, number>();
  const preview: TAssessmentImportResult['preview'] = [];
  const writes: { unitId: number; unitName: string; kind: 'third_party' | 'satisfaction'; points: number }[] = [];
  for (const row of sheet.rows) {
    const name = cellText(row.cells[unitCol] ?? null);
    const unit = byName.get(name);
    if (!name) errors.push({ row: row.rowNumber, column: assessmentImportHeaders.unit, message: '请填写单位名称' });
    else if (!unit) errors.push({ row: row.rowNumber, column: assessmentImportHeaders.unit, message: `找不到被考评单位“${name}”（应为市级部门或县市区的全称或简称）` });
    else if (seen.has(unit.id)) {
      errors.push({ row: row.rowNumber, column: assessmentImportHeaders.unit, message: `单位“${unit.name}”与第 ${seen.get(unit.id)} 行重复` });
    }
    if (unit) seen.set(unit.id, seen.get(unit.id) ?? row.rowNumber);
    const score = (col: number, header: string): number | null => {
      if (col < 0) return null;
      const cell = row.cells[col] ?? null;
      if (cell === null) return null;
      const value = typeof cell === 'number' ? numberPoints(cell) : typeof cell === 'string' ? parsePoints(cell) : null;
      if (value === null || value > 10000) {
        errors.push({ row: row.rowNumber, column: header, message: `“${cellText(cell)}”不是 0 至 100 之间、最多两位小数的分数` });
        return null;
      }
      return value;
    };
    const thirdParty = score(thirdCol, assessmentImportHeaders.thirdParty);
    const satisfaction = score(satCol, assessmentImportHeaders.satisfaction);
    preview.push({ row: row.rowNumber, unitName: unit?.name ?? name, thirdParty, satisfaction });
    if (unit) {
      if (thirdParty !== null) writes.push({ unitId: unit.id, unitName: unit.name, kind: 'third_party', points: thirdParty });
      if (satisfaction !== null) writes.push({ unitId: unit.id, unitName: unit.name, kind: 'satisfaction', points: satisfaction });
    }
  }
  const result: TAssessmentImportResult = { total: sheet.rows.length, scores: writes.length, imported: false, errors, preview };
  if (errors.length > 0) return { rejected: true, result };
  if (dryRun || writes.length === 0) return { rejected: false, result };

  await ctx.db.prisma.$transaction(async (tx) => {
    await lockOpenYear(tx, year);
    for (const write of writes) {
      const assessmentId = await sheetId(tx, write.unitId, year);
      const existing = await tx.assessmentItem.findFirst({ where: { assessmentId, kind: write.kind }, select: { id: true, points: true } });
      if (existing) {
        await tx.assessmentItem.update({ where: { id: existing.id }, data: { points: write.points, reason: IMPORT_REASON, version: { increment: 1 } } });
      } else {
        await tx.assessmentItem.create({ data: { assessmentId, kind: write.kind, points: write.points, reason: IMPORT_REASON, createdById: ctx.user.id } });
      }
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'assessment',
        entityId: assessmentId,
        action: 'import',
        changes: {
          [write.kind === 'third_party' ? '第三方评估得分' : '群众满意度得分']: {
            from: existing ? formatHundredths(existing.points) : null,
            to: `${write.unitName} ${year} 年度：${formatHundredths(write.points)}（Excel 导入）`,
          },
        },
        requestId: ctx.requestId,
      });
    }
  });
  return { rejected: false, result: { ...result, imported: true } };
}
