import type { TComment, TCommentCreate } from '@reform/contracts';
import { mayMention } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { commentInclude, toComment } from './comment-dto.ts';
import { mentionCandidateSelect, mentionMembersOf } from './mention-members.ts';

function mentionRefused(zh: string, en: string): AppError {
  return new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path: 'mentionUnitIds', message: { zh, en } }] });
}

/**
 * A comment on a task. Each unit it mentions finds it in its to-do list and may read the task,
 * so the policy's `mayMention` decides whom the author may ask (a unit named twice is asked once).
 */
export async function addComment(ctx: UseCaseContext, taskId: number, input: TCommentCreate): Promise<TComment> {
  const members = await mentionMembersOf(ctx, taskId);
  const unitIds = [...new Set(input.mentionUnitIds)];
  const units = await ctx.db.prisma.unit.findMany({ where: { id: { in: unitIds } }, select: mentionCandidateSelect });
  if (units.length !== unitIds.length) throw mentionRefused('提及的单位不存在', 'A mentioned unit does not exist');
  const refused = units.filter((unit) => !mayMention(ctx.user, members, unit));
  if (refused.length > 0) {
    const names = refused.map((unit) => `“${unit.name}”`).join('、');
    throw mentionRefused(
      `${names}与该任务无关，不能提及；可提及牵头单位、配合单位和改革办`,
      `${refused.map((unit) => unit.name).join(', ')}: not related to this task; mention its lead or cooperating units or the reform office`,
    );
  }
  const row = await ctx.db.prisma.taskComment.create({
    data: {
      taskId,
      authorId: ctx.user.id,
      body: input.body,
      mentions: { create: unitIds.map((unitId) => ({ unitId })) },
    },
    include: commentInclude,
  });
  return toComment(row);
}
