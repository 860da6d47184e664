import type { TReportListItem, TReportRound } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { isoDateOrNull, isoDate } from '@reform/domain';
import { personLabel, personSelect } from '../people.ts';

/** The columns a report list shows, and nothing more. */
export const reportListSelect = {
  id: true,
  year: true,
  quarter: true,
  status: true,
  late: true,
  percentComplete: true,
  submittedAt: true,
  dueDate: true,
  version: true,
  task: { select: { id: true, code: true, title: true } },
  unit: { select: { id: true, name: true } },
} satisfies Prisma.ProgressReportSelect;

type ListRow = Prisma.ProgressReportGetPayload<{ select: typeof reportListSelect }>;

export function toReportListItem(row: ListRow): TReportListItem {
  return {
    id: row.id,
    task: row.task,
    unit: row.unit,
    year: row.year,
    quarter: row.quarter,
    status: row.status,
    late: row.late,
    percentComplete: row.percentComplete,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    dueDate: isoDateOrNull(row.dueDate),
    version: row.version,
  };
}

export const roundInclude = {
  scopeUnit: { select: { id: true, name: true } },
  openedBy: personSelect,
} satisfies Prisma.ReportRoundInclude;

type RoundRow = Prisma.ReportRoundGetPayload<{ include: typeof roundInclude }>;

export function toReportRound(row: RoundRow): TReportRound {
  return {
    id: row.id,
    year: row.year,
    quarter: row.quarter,
    scopeUnit: row.scopeUnit,
    dueDate: isoDate(row.dueDate),
    openedAt: row.openedAt.toISOString(),
    openedBy: personLabel(row.openedBy),
    createdCount: row.createdCount,
    version: row.version,
  };
}
