import {
  ZTaskDetail,
  type TAdjustment,
  type TAdjustmentCreateBody,
  type TAdjustmentDecisionBody,
  type TMilestoneCompleteBody,
  type TMilestonesPutBody,
  type TTaskDetail,
} from '@reform/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type ApiError } from '@/lib/api-client';
import { adjustmentsQueryKey } from './get-adjustments';
import { taskQueryKey } from './get-task';

/** After any change of a task's timetable or status: the detail as answered, and everything derived from the task again. */
export async function refreshTask(queryClient: QueryClient, taskId: number, task?: TTaskDetail) {
  if (task) queryClient.setQueryData(taskQueryKey(taskId), task);
  else await queryClient.invalidateQueries({ queryKey: taskQueryKey(taskId) });
  await queryClient.invalidateQueries({ queryKey: ['tasks'], predicate: (query) => query.queryKey[1] !== 'detail' });
}

export const putMilestones = (taskId: number, body: TMilestonesPutBody) =>
  api<TTaskDetail>(`/tasks/${taskId}/milestones`, { method: 'PUT', body });

export function usePutMilestones(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TMilestonesPutBody) => putMilestones(taskId, body),
    onSuccess: (task) => refreshTask(queryClient, taskId, task),
  });
}

export const approveBaseline = (taskId: number, version: number) =>
  api<TTaskDetail>(`/tasks/${taskId}/baseline`, { method: 'POST', body: { version } });

export function useApproveBaseline(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => approveBaseline(taskId, version),
    onSuccess: (task) => refreshTask(queryClient, taskId, task),
  });
}

export const completeMilestone = (taskId: number, milestoneId: number, body: TMilestoneCompleteBody) =>
  api<TTaskDetail>(`/tasks/${taskId}/milestones/${milestoneId}/complete`, { method: 'POST', body });

export function useCompleteMilestone(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ milestoneId, body }: { milestoneId: number; body: TMilestoneCompleteBody }) =>
      completeMilestone(taskId, milestoneId, body),
    onSuccess: (task) => refreshTask(queryClient, taskId, task),
  });
}

export const requestAdjustment = (taskId: number, body: TAdjustmentCreateBody) =>
  api<TAdjustment>(`/tasks/${taskId}/adjustments`, { method: 'POST', body });

export function useRequestAdjustment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAdjustmentCreateBody) => requestAdjustment(taskId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adjustmentsQueryKey(taskId) });
      await refreshTask(queryClient, taskId);
    },
  });
}

export const decideAdjustment = (adjustmentId: number, body: TAdjustmentDecisionBody) =>
  api<TAdjustment>(`/adjustments/${adjustmentId}/decision`, { method: 'POST', body });

export function useDecideAdjustment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ adjustmentId, body }: { adjustmentId: number; body: TAdjustmentDecisionBody }) =>
      decideAdjustment(adjustmentId, body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: adjustmentsQueryKey(taskId) });
      // A decided request leaves the decider's to-do list (待办).
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
      await refreshTask(queryClient, taskId);
    },
  });
}

/** On a 409 the answer carries the task as it is now: show it (or fetch it) so the user works on the latest version. */
export function useReloadOnConflict(taskId: number) {
  const queryClient = useQueryClient();
  return (error: ApiError) => {
    const current = ZTaskDetail.safeParse(error.body.current);
    if (current.success) queryClient.setQueryData(taskQueryKey(taskId), current.data);
    void queryClient.invalidateQueries({ queryKey: ['tasks'], predicate: (query) => query.queryKey[2] === taskId });
  };
}
