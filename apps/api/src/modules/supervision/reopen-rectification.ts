import type { TRectification, TRectificationReopenBody } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { actOnRectification } from './act-on-rectification.ts';

/** The inspecting office sends a responded or closed item back to open, with the reason. */
export async function reopenRectification(ctx: UseCaseContext, id: number, body: TRectificationReopenBody): Promise<TRectification> {
  return actOnRectification(ctx, id, 'reopen', { version: body.version, text: body.reason });
}
