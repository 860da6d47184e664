import { createReadStream, type ReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { TEvidenceFile } from '@reform/contracts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { findRectificationInScope } from '../supervision/find-rectification-in-scope.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { evidenceInclude, toEvidence } from './evidence-dto.ts';

/**
 * Opens an evidence file for download, if what it belongs to is in the user's scope (else 404): a
 * rectification item's evidence goes with the item (its owner unit sees it even off its tasks),
 * any other file with its task.
 */
export async function openEvidence(
  ctx: UseCaseContext,
  filesDir: string,
  id: number,
): Promise<{ file: TEvidenceFile; stream: ReadStream }> {
  const row = await ctx.db.prisma.evidenceFile.findUnique({ where: { id }, include: evidenceInclude });
  if (!row) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  if (row.rectificationItemId !== null) await findRectificationInScope(ctx, row.rectificationItemId);
  else if (row.taskId !== null) await findTaskInScope(ctx, row.taskId);
  const path = join(filesDir, row.storedName);
  await access(path).catch(() => {
    throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  });
  return { file: toEvidence(row), stream: createReadStream(path) };
}
