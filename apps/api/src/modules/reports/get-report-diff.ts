import { reportFieldLabels, type TReportDiff } from '@reform/contracts';
import { diffChars } from 'diff';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { findReportInScope } from './find-report-in-scope.ts';

const fields = ['progressText', 'outcomesText', 'problems', 'nextSteps', 'percentComplete', 'percentReason'] as const;

/**
 * What changed between two submitted versions (by default the last two), field by field, for the
 * reviewer. Chinese has no spaces between words, so the texts are compared by character.
 */
export async function getReportDiff(ctx: UseCaseContext, id: number, query: { from?: number; to?: number }): Promise<TReportDiff> {
  const report = await findReportInScope(ctx, id);
  const versions = await ctx.db.prisma.progressReportVersion.findMany({ where: { reportId: id }, orderBy: { seq: 'asc' } });
  const to = query.to ?? versions.at(-1)?.seq ?? null;
  const from = query.from ?? (to !== null && to > 1 ? to - 1 : null);
  const newer = versions.find((v) => v.seq === to);
  const older = from !== null ? versions.find((v) => v.seq === from) : undefined;
  if ((query.to !== undefined && !newer) || (query.from !== undefined && !older)) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  const after = newer ?? report;
  return {
    from: older?.seq ?? null,
    to: newer?.seq ?? null,
    fields: fields.map((field) => {
      const a = older ? String(older[field]) : '';
      const b = String(after[field]);
      const parts = diffChars(a, b).map((part) => ({ value: part.value, added: part.added, removed: part.removed }));
      return { field, label: reportFieldLabels[field], changed: a !== b, parts };
    }),
  };
}
