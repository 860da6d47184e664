import type { TTaskDetail, TTaskStatusBody } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshTask } from './timetable';

export const changeTaskStatus = (taskId: number, body: TTaskStatusBody) =>
  api<TTaskDetail>(`/tasks/${taskId}/status`, { method: 'POST', body });

export function useChangeTaskStatus(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTaskStatusBody) => changeTaskStatus(taskId, body),
    onSuccess: (task) => refreshTask(queryClient, taskId, task),
  });
}
