import type { TTaskDetail } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTask = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  api<TTaskDetail>(`/tasks/${id}`, { signal });

export const taskQueryKey = (id: number) => ['tasks', 'detail', id] as const;

export const getTaskQueryOptions = (id: number) =>
  queryOptions({ queryKey: taskQueryKey(id), queryFn: ({ signal }) => getTask(id, { signal }) });

export const useTask = (id: number) => useQuery({ ...getTaskQueryOptions(id), enabled: Number.isInteger(id) && id > 0 });
