import type { TDashboard, TDashboardQuery, TTaskFacets } from '@reform/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '@/lib/api-client';

export const getDashboard = (query: TDashboardQuery, { signal }: { signal?: AbortSignal } = {}) =>
  api<TDashboard>('/dashboard', { query: { ...query }, signal });

/** The same figures as an Excel file (figures per list with definitions, trend, red and yellow tasks, units). */
export const dashboardExportUrl = (query: TDashboardQuery) => apiUrl('/dashboard/export.xlsx', { ...query });

export const getDashboardQueryOptions = (query: TDashboardQuery, refreshMs?: number) =>
  queryOptions({
    queryKey: ['dashboard', query],
    queryFn: ({ signal }) => getDashboard(query, { signal }),
    placeholderData: keepPreviousData,
    // The big screen refreshes itself; the desktop page refreshes on focus like every query.
    refetchInterval: refreshMs ?? false,
    refetchIntervalInBackground: refreshMs !== undefined,
  });

export const useDashboard = (query: TDashboardQuery, refreshMs?: number) => useQuery(getDashboardQueryOptions(query, refreshMs));

/** The fields the filter offers: those of the tasks in the user's scope (the task list's facets). */
export const useFieldFacets = () =>
  useQuery(
    queryOptions({
      queryKey: ['tasks', 'facets'],
      queryFn: ({ signal }) => api<TTaskFacets>('/tasks/facets', { signal }),
      staleTime: 5 * 60_000,
    }),
  );
