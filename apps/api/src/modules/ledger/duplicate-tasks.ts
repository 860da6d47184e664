import type { TaskList } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { taskScope } from '../../access/policy.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { normaliseTitle } from './ledger-keys.ts';

export interface TitledRow {
  rowNumber: number;
  list: TaskList;
  title: string;
}

type Reader = Pick<Prisma.TransactionClient, 'task'>;

const keyOf = (list: TaskList, title: string) => `${list}\u0000${normaliseTitle(title)}`;

/**
 * Which rows repeat a task already in the same list (titles compared normalised), with the
 * message to show: the task's code when the user may see it, else only that one exists, so a
 * ledger check never reveals a task outside the user's scope. Read through the client passed in:
 * the import calls it again inside its transaction, under the import lock.
 */
export async function findDuplicateTasks(client: Reader, user: SessionUser, rows: readonly TitledRow[]): Promise<Map<number, string>> {
  const messages = new Map<number, string>();
  if (rows.length === 0) return messages;
  const existing = await client.task.findMany({
    where: { list: { in: [...new Set(rows.map((row) => row.list))] } },
    select: { id: true, list: true, title: true, code: true },
    orderBy: { code: 'asc' },
  });
  const byKey = new Map<string, { id: number; code: string }>();
  for (const task of existing) {
    const key = keyOf(task.list, task.title);
    if (!byKey.has(key)) byKey.set(key, task);
  }
  const hits = new Map<number, { id: number; code: string }>();
  for (const row of rows) {
    const hit = byKey.get(keyOf(row.list, row.title));
    if (hit) hits.set(row.rowNumber, hit);
  }
  if (hits.size === 0) return messages;
  const visible = await client.task.findMany({
    where: { AND: [taskScope(user), { id: { in: [...new Set([...hits.values()].map((hit) => hit.id))] } }] },
    select: { id: true },
  });
  const visibleIds = new Set(visible.map((task) => task.id));
  for (const [rowNumber, hit] of hits) {
    messages.set(rowNumber, visibleIds.has(hit.id) ? `与已有任务 ${hit.code} 重复` : '与一项已有任务重复（不在您的查看范围内）');
  }
  return messages;
}
