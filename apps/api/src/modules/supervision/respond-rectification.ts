import type { TRectification, TRectificationRespondBody } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { actOnRectification } from './act-on-rectification.ts';

/** The owner unit answers a rectification item with what it did (evidence is uploaded to the item beforehand). */
export async function respondRectification(ctx: UseCaseContext, id: number, body: TRectificationRespondBody): Promise<TRectification> {
  return actOnRectification(ctx, id, 'respond', { version: body.version, text: body.note });
}
