import type { TTodo } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { todosQueryKey } from './get-todos';

export const completeTodo = (commentId: number) => api<void>(`/todos/${commentId}/done`, { method: 'POST' });

export function useCompleteTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeTodo,
    onSuccess: async (_, commentId) => {
      queryClient.setQueryData<TTodo[]>(todosQueryKey, (list) => list?.filter((todo) => todo.kind !== 'mention' || todo.commentId !== commentId));
      // The comment's mention now shows 已处理 on the task.
      await queryClient.invalidateQueries({ queryKey: ['tasks', 'comments'] });
    },
  });
}
