import type { TComment } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { personSelect } from '../people.ts';

export const commentInclude = {
  author: personSelect,
  mentions: { include: { unit: { select: { name: true } } }, orderBy: { unitId: 'asc' } },
} satisfies Prisma.TaskCommentInclude;

type Row = Prisma.TaskCommentGetPayload<{ include: typeof commentInclude }>;

export function toComment(row: Row): TComment {
  return {
    id: row.id,
    taskId: row.taskId,
    author: { displayName: row.author.displayName, unitName: row.author.unit.name },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    mentions: row.mentions.map((m) => ({ unitId: m.unitId, unitName: m.unit.name, doneAt: m.doneAt?.toISOString() ?? null })),
  };
}
