import type { TAdjustment } from '@reform/contracts';
import { ZAdjustment } from '@reform/contracts';
import type { Prisma } from '@reform/db';

export const adjustmentInclude = {
  requestedBy: { select: { id: true, displayName: true, unit: { select: { name: true } } } },
  decidedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.AdjustmentRequestInclude;

type Row = Prisma.AdjustmentRequestGetPayload<{ include: typeof adjustmentInclude }>;

export function toAdjustment(row: Row): TAdjustment {
  return {
    id: row.id,
    taskId: row.taskId,
    reason: row.reason,
    proposed: ZAdjustment.shape.proposed.parse(row.proposed),
    status: row.status,
    requestedBy: { id: row.requestedBy.id, displayName: row.requestedBy.displayName, unitName: row.requestedBy.unit.name },
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionComment: row.decisionComment,
    version: row.version,
  };
}
