import { rectificationActions, type TRectification } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { isoDate, rectificationOverdueDays, rectificationTransition } from '@reform/domain';
import { mayInspect, mayRespondRectification } from '../../access/policy.ts';
import type { SessionUser } from '../../access/session-user.ts';

export const rectificationInclude = {
  inspection: { select: { id: true, title: true, unitId: true } },
  ownerUnit: { select: { id: true, name: true } },
  task: { select: { id: true, code: true, title: true } },
  evidenceFiles: { select: { id: true, originalName: true }, orderBy: { id: 'asc' } },
} satisfies Prisma.RectificationItemInclude;

export type RectificationRow = Prisma.RectificationItemGetPayload<{ include: typeof rectificationInclude }>;

/** What the user may do to the item now: its status allows the action and the user's role and units allow it. */
export function rectificationActionsFor(user: SessionUser, row: Pick<RectificationRow, 'status' | 'ownerUnitId' | 'inspection'>): TRectification['actions'] {
  return rectificationActions.filter((action) => {
    if (!rectificationTransition(row.status, action)) return false;
    return action === 'respond' ? mayRespondRectification(user, row) : mayInspect(user, row.inspection);
  });
}

export function toRectification(row: RectificationRow, user: SessionUser, today: string): TRectification {
  const deadline = isoDate(row.deadline);
  return {
    id: row.id,
    inspection: { id: row.inspection.id, title: row.inspection.title },
    description: row.description,
    ownerUnit: row.ownerUnit,
    task: row.task,
    deadline,
    status: row.status,
    overdueDays: rectificationOverdueDays({ status: row.status, deadline }, today),
    responseNote: row.responseNote,
    respondedOn: row.respondedOn ? isoDate(row.respondedOn) : null,
    closingNote: row.closingNote,
    closedOn: row.closedOn ? isoDate(row.closedOn) : null,
    reopenReason: row.reopenReason,
    evidence: row.evidenceFiles,
    actions: rectificationActionsFor(user, row),
    version: row.version,
  };
}
