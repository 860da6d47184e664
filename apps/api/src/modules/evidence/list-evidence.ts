import type { TEvidenceFile } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { evidenceInclude, toEvidence } from './evidence-dto.ts';

/** The evidence files of a task in the user's scope (else 404), oldest first. */
export async function listEvidence(ctx: UseCaseContext, taskId: number): Promise<TEvidenceFile[]> {
  await findTaskInScope(ctx, taskId);
  const rows = await ctx.db.prisma.evidenceFile.findMany({ where: { taskId }, include: evidenceInclude, orderBy: { id: 'asc' } });
  return rows.map(toEvidence);
}
