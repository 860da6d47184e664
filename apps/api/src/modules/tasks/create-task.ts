import type { TTaskCreateBody, TTaskDetail } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { loadPlanningSettings } from '../settings/load-planning-settings.ts';
import { checkTaskReferences } from './check-task-references.ts';
import { getTask } from './get-task.ts';
import { refreshTaskLights } from './refresh-lights.ts';
import { allocateTaskCode, assertMayCreateTasks, insertTask } from './task-creation.ts';

/**
 * Creates a task of any list with its task book, responsibility and timetable, and gives it
 * the next code of its list and year. Codes are allocated under a transaction-scoped advisory
 * lock, so two clerks creating tasks at once never get the same code.
 */
export async function createTask(ctx: UseCaseContext, body: TTaskCreateBody): Promise<TTaskDetail> {
  assertMayCreateTasks(ctx);
  await checkTaskReferences(ctx, {
    leadUnitId: body.leadUnitId,
    effectiveLeadUnitId: body.leadUnitId,
    specialGroupId: body.specialGroupId,
    cooperatingUnitIds: body.cooperatingUnitIds,
    originatingUnitId: body.originatingUnitId,
    applyingCountyId: body.pilot?.applyingCountyId,
    startDate: body.startDate,
    deadline: body.deadline,
  });
  const settings = await loadPlanningSettings(ctx.db);
  const id = await ctx.db.prisma.$transaction(async (tx) => {
    const created = await insertTask(tx, ctx, body, await allocateTaskCode(tx, settings, body.list, body.year));
    await refreshTaskLights(tx, ctx.today, [created]);
    return created;
  });
  return getTask(ctx, id);
}
