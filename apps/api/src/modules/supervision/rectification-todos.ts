import type { TTodo } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { addDays, dateColumn, isoDate, rectificationOverdueDays } from '@reform/domain';
import { inspectedRectificationScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { loadReminderSettings } from '../settings/load-reminder-settings.ts';

const include = {
  task: { select: { id: true, code: true, title: true } },
  inspection: { select: { unit: { select: { name: true } }, createdBy: { select: { displayName: true, unit: { select: { name: true } } } } } },
} satisfies Prisma.RectificationItemInclude;
type Row = Prisma.RectificationItemGetPayload<{ include: typeof include }>;

/**
 * The rectification part of the to-do list: the user's unit's open items due within the reminder
 * days or overdue, and, for the inspecting offices, responded items waiting to be closed (销号).
 */
export async function rectificationTodos(ctx: UseCaseContext, limit: number): Promise<TTodo[]> {
  const { daysBefore } = await loadReminderSettings(ctx.db);
  const inspects = inspectedRectificationScope(ctx.user);
  const [due, review] = await Promise.all([
    ctx.user.role === 'leader'
      ? []
      : ctx.db.prisma.rectificationItem.findMany({
          where: { ownerUnitId: ctx.user.unit.id, status: 'open', deadline: { lte: dateColumn(addDays(ctx.today, daysBefore)) } },
          include,
          orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
          take: limit,
        }),
    inspects
      ? ctx.db.prisma.rectificationItem.findMany({ where: { AND: [{ status: 'responded' }, inspects] }, include, orderBy: { id: 'desc' }, take: limit })
      : [],
  ]);
  const todo = (kind: 'rectification' | 'rectification-review', row: Row): TTodo => {
    const deadline = isoDate(row.deadline);
    const author = row.inspection.createdBy
      ? { displayName: row.inspection.createdBy.displayName, unitName: row.inspection.createdBy.unit.name }
      : { displayName: '督察组', unitName: row.inspection.unit.name };
    return {
      kind,
      rectificationId: row.id,
      deadline,
      overdueDays: rectificationOverdueDays({ status: row.status, deadline }, ctx.today),
      task: row.task,
      author,
      body: row.description,
      createdAt: (kind === 'rectification' ? row.createdAt : row.updatedAt).toISOString(),
    };
  };
  return [...due.map((row) => todo('rectification', row)), ...review.map((row) => todo('rectification-review', row))];
}
