import type { TComment, TCommentCreateBody } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { commentsQueryKey } from './get-comments';

export const createComment = (taskId: number, body: TCommentCreateBody) =>
  api<TComment>(`/tasks/${taskId}/comments`, { method: 'POST', body });

export function useCreateComment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCommentCreateBody) => createComment(taskId, body),
    onSuccess: async (comment) => {
      queryClient.setQueryData<TComment[]>(commentsQueryKey(taskId), (list) => [...(list ?? []), comment]);
      // A comment may mention the user's own unit: its to-do list changes too.
      await queryClient.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}
