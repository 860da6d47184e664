import type { TInspectionSummary } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { isoDate } from '@reform/domain';

export const inspectionSummaryInclude = {
  unit: { select: { id: true, name: true } },
  tasks: { select: { task: { select: { id: true, code: true, title: true } } }, orderBy: { taskId: 'asc' } },
  items: { select: { status: true, deadline: true } },
} satisfies Prisma.InspectionInclude;

type Row = Prisma.InspectionGetPayload<{ include: typeof inspectionSummaryInclude }>;

/** An inspection with its tasks and how many of its items are open, responded, closed and overdue. */
export function toInspectionSummary(row: Row, today: string): TInspectionSummary {
  const count = (status: string) => row.items.filter((item) => item.status === status).length;
  return {
    id: row.id,
    title: row.title,
    inspectedOn: isoDate(row.inspectedOn),
    inspectors: row.inspectors,
    unit: row.unit,
    tasks: row.tasks.map((link) => link.task),
    counts: {
      total: row.items.length,
      open: count('open'),
      responded: count('responded'),
      closed: count('closed'),
      overdue: row.items.filter((item) => item.status === 'open' && isoDate(item.deadline) < today).length,
    },
    version: row.version,
  };
}
