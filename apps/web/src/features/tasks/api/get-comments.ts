import type { TComment } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getComments = (taskId: number, { signal }: { signal?: AbortSignal } = {}) =>
  api<TComment[]>(`/tasks/${taskId}/comments`, { signal });

export const commentsQueryKey = (taskId: number) => ['tasks', 'comments', taskId] as const;

export const getCommentsQueryOptions = (taskId: number) =>
  queryOptions({ queryKey: commentsQueryKey(taskId), queryFn: ({ signal }) => getComments(taskId, { signal }) });

export const useComments = (taskId: number) => useQuery(getCommentsQueryOptions(taskId));
