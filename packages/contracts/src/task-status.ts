import { z } from 'zod';
import { TaskStatusEnum, type TaskStatus } from './enums.ts';
import { REASON_MIN, ZVersion, zText } from './common.ts';
import { messages } from './messages.ts';

export interface TaskStatusAction {
  key: string;
  from: readonly TaskStatus[];
  to: TaskStatus;
  /** The button on the task's page. */
  label: string;
  /** How the history names it. */
  historyLabel: string;
  /** The label of the reason the office gives; required when leading to a suspended or closed task. */
  reasonLabel: string;
}

/**
 * The only ways a task's status changes (the API enforces them, the web offers them). A closed
 * task (已销号) is final; a completed one can be taken up again. Every change is an explicit,
 * confirmed action recorded with its reason; the edit form does not change the status.
 */
export const taskStatusActions = [
  { key: 'start', from: ['draft'], to: 'active', label: '启动推进', historyLabel: '启动推进', reasonLabel: '说明' },
  { key: 'suspend', from: ['active'], to: 'suspended', label: '暂停', historyLabel: '暂停任务', reasonLabel: '暂停理由' },
  { key: 'resume', from: ['suspended'], to: 'active', label: '恢复推进', historyLabel: '恢复推进', reasonLabel: '说明' },
  { key: 'complete', from: ['active'], to: 'completed', label: '标记完成', historyLabel: '标记任务完成', reasonLabel: '完成情况说明' },
  { key: 'reopen', from: ['completed'], to: 'active', label: '重新推进', historyLabel: '重新推进', reasonLabel: '说明' },
  {
    key: 'close',
    from: ['draft', 'active', 'suspended', 'completed'],
    to: 'closed',
    label: '销号',
    historyLabel: '销号',
    reasonLabel: '销号说明',
  },
] as const satisfies readonly TaskStatusAction[];

export type TaskStatusActionKey = (typeof taskStatusActions)[number]['key'];

/** A closed task's timetable is final: no milestone is completed, planned or adjusted any more. */
export function timetableOpen(status: TaskStatus): boolean {
  return status !== 'closed';
}

/** The actions open to a task in this status, in the order the page offers them. */
export function statusActionsFrom(status: TaskStatus): readonly TaskStatusAction[] {
  return taskStatusActions.filter((action) => (action.from as readonly TaskStatus[]).includes(status));
}

/** The action that takes a task from one status to another, or undefined when no such change is allowed. */
export function statusActionFor(from: TaskStatus, to: TaskStatus): TaskStatusAction | undefined {
  return statusActionsFrom(from).find((action) => action.to === to);
}

/** Changes that need a reason (suspending, closing), with the message when it is missing; any change may carry one. */
export const statusReasonRequired: Partial<Record<TaskStatus, { zh: string; en: string }>> = {
  suspended: messages.suspendReason,
  closed: messages.closeReason,
};

/** POST /api/tasks/:id/status */
export const ZTaskStatusBody = z
  .strictObject({
    status: TaskStatusEnum.schema,
    reason: zText(2000).default(''),
    version: ZVersion,
  })
  .superRefine((body, ctx) => {
    const missing = statusReasonRequired[body.status];
    if (missing && body.reason.length < REASON_MIN) ctx.addIssue({ code: 'custom', path: ['reason'], message: missing.zh });
  });
export type TTaskStatusBody = z.input<typeof ZTaskStatusBody>;
export type TTaskStatusChange = z.infer<typeof ZTaskStatusBody>;
