import type { TPilotExtensionBody, TTaskDetail } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshTask } from './timetable';

export const extendPilot = (taskId: number, body: TPilotExtensionBody) =>
  api<TTaskDetail>(`/tasks/${taskId}/pilot-extension`, { method: 'POST', body });

export function useExtendPilot(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPilotExtensionBody) => extendPilot(taskId, body),
    onSuccess: (task) => refreshTask(queryClient, taskId, task),
  });
}
