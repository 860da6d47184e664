import type { TTodo } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTodos = ({ signal }: { signal?: AbortSignal } = {}) => api<TTodo[]>('/todos', { signal });

export const todosQueryKey = ['todos'] as const;

export const getTodosQueryOptions = () =>
  queryOptions({ queryKey: todosQueryKey, queryFn: ({ signal }) => getTodos({ signal }), refetchInterval: 5 * 60_000 });

export const useTodos = () => useQuery(getTodosQueryOptions());
