import type { TEvidenceFile } from '@reform/contracts';
import { mayRespondRectification } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { badRequest } from '../bad-request.ts';
import type { UseCaseContext } from '../context.ts';
import { storeEvidence } from '../evidence/upload-evidence.ts';
import { findRectificationInScope } from './find-rectification-in-scope.ts';

/**
 * Evidence for a rectification item's response (整改佐证), kept in the evidence store against the
 * item (and its task, when it has one): uploaded by whoever may respond, before the item is closed.
 */
export async function uploadRectificationEvidence(
  ctx: UseCaseContext,
  filesDir: string,
  id: number,
  file: { filename: string; content: Buffer },
): Promise<TEvidenceFile> {
  const item = await findRectificationInScope(ctx, id);
  if (!mayRespondRectification(ctx.user, item)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  if (item.status === 'closed') throw badRequest('status', '整改事项已销号，不能再上传佐证材料', 'The item is closed');
  return storeEvidence(ctx, filesDir, { taskId: item.taskId, milestoneId: null, reportId: null, rectificationItemId: id }, file);
}
