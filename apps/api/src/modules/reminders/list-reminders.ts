import type { TReminderPage, ZReminderListQuery } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { dateColumn, isoDate } from '@reform/domain';
import type { z } from 'zod';
import type { UseCaseContext } from '../context.ts';
import { pageArgs, totalOf } from '../paging.ts';

/** The log of reminders sent, newest first; a county office sees those to its county's units. */
export async function listReminders(ctx: UseCaseContext, query: z.infer<typeof ZReminderListQuery>): Promise<TReminderPage> {
  const where: Prisma.ReminderLogWhereInput = {
    AND: [
      ctx.user.role === 'admin' ? {} : { unitId: { in: ctx.user.scopeUnitIds } },
      query.day ? { day: dateColumn(query.day) } : {},
      query.unitId ? { unitId: query.unitId } : {},
    ],
  };
  const rows = await ctx.db.prisma.reminderLog.findMany({
    where,
    include: { unit: { select: { id: true, name: true } }, task: { select: { id: true, code: true, title: true } } },
    orderBy: { id: 'desc' },
    ...pageArgs(query),
  });
  const total = await totalOf(query, rows.length, () => ctx.db.prisma.reminderLog.count({ where }));
  return {
    items: rows.map((row) => ({
      id: row.id,
      day: isoDate(row.day),
      kind: row.kind,
      thing: row.thing,
      recipient: row.recipient,
      unit: row.unit,
      task: row.task,
      subject: row.subject,
      channels: row.channels,
      outcome: row.outcome,
      createdAt: row.createdAt.toISOString(),
    })),
    total,
  };
}
