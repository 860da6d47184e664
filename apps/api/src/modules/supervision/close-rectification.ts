import type { TRectification, TRectificationCloseBody } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { actOnRectification } from './act-on-rectification.ts';

/** The inspecting office closes (销号) a responded item with its note. */
export async function closeRectification(ctx: UseCaseContext, id: number, body: TRectificationCloseBody): Promise<TRectification> {
  return actOnRectification(ctx, id, 'close', { version: body.version, text: body.note });
}
