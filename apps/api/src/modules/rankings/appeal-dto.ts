import type { TRankingAppeal } from '@reform/contracts';
import type { Prisma } from '@reform/db';

/** What an appeal's DTO reads. */
export const appealSelect = {
  id: true,
  taskId: true,
  factKey: true,
  factText: true,
  reason: true,
  status: true,
  override: true,
  decisionReason: true,
  createdAt: true,
  decidedAt: true,
  version: true,
  unit: { select: { id: true, name: true } },
  evidenceFile: { select: { id: true, originalName: true } },
  requestedBy: { select: { displayName: true } },
  rankingVersion: { select: { group: true, year: true, quarter: true, yearToDate: true, number: true } },
} satisfies Prisma.RankingAppealSelect;

export function appealDto(row: Prisma.RankingAppealGetPayload<{ select: typeof appealSelect }>): TRankingAppeal {
  return {
    id: row.id,
    unit: row.unit,
    group: row.rankingVersion.group,
    year: row.rankingVersion.year,
    quarter: row.rankingVersion.quarter,
    yearToDate: row.rankingVersion.yearToDate,
    rankingVersion: row.rankingVersion.number,
    taskId: row.taskId,
    factKey: row.factKey,
    factText: row.factText,
    reason: row.reason,
    evidence: row.evidenceFile ? { id: row.evidenceFile.id, name: row.evidenceFile.originalName } : null,
    status: row.status,
    override: row.override,
    decisionReason: row.decisionReason,
    requestedBy: row.requestedBy.displayName,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
  };
}
