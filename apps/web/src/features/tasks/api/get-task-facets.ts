import type { TTaskFacets } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getTaskFacets = ({ signal }: { signal?: AbortSignal } = {}) => api<TTaskFacets>('/tasks/facets', { signal });

export const getTaskFacetsQueryOptions = () =>
  queryOptions({ queryKey: ['tasks', 'facets'], queryFn: ({ signal }) => getTaskFacets({ signal }), staleTime: 5 * 60_000 });

export const useTaskFacets = () => useQuery(getTaskFacetsQueryOptions());
