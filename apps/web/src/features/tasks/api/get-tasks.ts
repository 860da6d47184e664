import type { TTaskListQuery, TTaskListResponse } from '@reform/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTasks = (query: TTaskListQuery, { signal }: { signal?: AbortSignal } = {}) =>
  api<TTaskListResponse>('/tasks', { query: { ...query }, signal });

export const getTasksQueryOptions = (query: TTaskListQuery) =>
  queryOptions({
    queryKey: ['tasks', 'list', query],
    queryFn: ({ signal }) => getTasks(query, { signal }),
    // Keep the rows on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });

export const useTasks = (query: TTaskListQuery) => useQuery(getTasksQueryOptions(query));
