import type { TTaskCreateInput, TTaskDetail } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { taskQueryKey } from './get-task';

export const createTask = (body: TTaskCreateInput) => api<TTaskDetail>('/tasks', { method: 'POST', body });

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTask,
    onSuccess: async (task) => {
      queryClient.setQueryData(taskQueryKey(task.id), task);
      await queryClient.invalidateQueries({ queryKey: ['tasks'], predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
