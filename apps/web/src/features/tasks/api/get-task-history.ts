import type { THistoryEntry } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTaskHistory = (taskId: number, { signal }: { signal?: AbortSignal } = {}) =>
  api<THistoryEntry[]>(`/tasks/${taskId}/history`, { signal });

export const taskHistoryQueryKey = (taskId: number) => ['tasks', 'history', taskId] as const;

export const getTaskHistoryQueryOptions = (taskId: number) =>
  queryOptions({ queryKey: taskHistoryQueryKey(taskId), queryFn: ({ signal }) => getTaskHistory(taskId, { signal }) });

export const useTaskHistory = (taskId: number) => useQuery(getTaskHistoryQueryOptions(taskId));
