import { rectificationScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { rectificationInclude, type RectificationRow } from './rectification-dto.ts';

/** A rectification item the user may see, or 404 whether it is missing or out of scope. */
export async function findRectificationInScope(ctx: UseCaseContext, id: number): Promise<RectificationRow> {
  const row = await ctx.db.prisma.rectificationItem.findFirst({
    where: { AND: [{ id }, rectificationScope(ctx.user)] },
    include: rectificationInclude,
  });
  if (!row) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return row;
}
