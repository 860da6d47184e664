import type { TEvidenceFile } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { personLabel, personSelect } from '../people.ts';

export const evidenceInclude = {
  uploadedBy: personSelect,
} satisfies Prisma.EvidenceFileInclude;

type Row = Prisma.EvidenceFileGetPayload<{ include: typeof evidenceInclude }>;

export function toEvidence(row: Row): TEvidenceFile {
  return {
    id: row.id,
    taskId: row.taskId,
    milestoneId: row.milestoneId,
    reportId: row.reportId,
    rectificationItemId: row.rectificationItemId,
    originalName: row.originalName,
    mimeType: row.mimeType,
    size: row.size,
    uploadedBy: personLabel(row.uploadedBy),
    createdAt: row.createdAt.toISOString(),
  };
}
