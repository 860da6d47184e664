import type { TTaskDetail, TTaskUpdateBody } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { taskQueryKey } from './get-task';

export const updateTask = (id: number, body: TTaskUpdateBody) =>
  api<TTaskDetail>(`/tasks/${id}`, { method: 'PATCH', body });

export function useUpdateTask(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTaskUpdateBody) => updateTask(id, body),
    onSuccess: async (task) => {
      queryClient.setQueryData(taskQueryKey(id), task);
      // Lists and facets show the saved values (title, deadline, light…) on next view.
      await queryClient.invalidateQueries({ queryKey: ['tasks'], predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
