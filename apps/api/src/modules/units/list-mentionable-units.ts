import type { TUnitNode } from '@reform/contracts';
import { mayMention } from '../../access/policy.ts';
import { mentionMembersOf } from '../comments/mention-members.ts';
import type { UseCaseContext } from '../context.ts';
import { listUnits } from './list-units.ts';

/** The units this user may mention in a comment on the task: the comment form offers no others. */
export async function listMentionableUnits(ctx: UseCaseContext, taskId: number): Promise<TUnitNode[]> {
  const members = await mentionMembersOf(ctx, taskId);
  return listUnits(ctx.db, (unit) => mayMention(ctx.user, members, unit));
}
