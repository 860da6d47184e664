import type { TRectification } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { findRectificationInScope } from './find-rectification-in-scope.ts';
import { toRectification } from './rectification-dto.ts';

/** One rectification item in scope (404 outside it). */
export async function getRectification(ctx: UseCaseContext, id: number): Promise<TRectification> {
  return toRectification(await findRectificationInScope(ctx, id), ctx.user, ctx.today);
}
