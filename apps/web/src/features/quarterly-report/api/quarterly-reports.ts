import type { TQuarterlyReportOverview, TQuarterlyReportStatus, TQuarterlyReportStatusQuery } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const quarterlyOverviewKey = ['quarterly-reports'] as const;

export const useQuarterlyOverview = () =>
  useQuery(queryOptions({ queryKey: quarterlyOverviewKey, queryFn: ({ signal }) => api<TQuarterlyReportOverview>('/quarterly-reports', { signal }) }));

/** Asks whether a report is ready; the server starts generating it when it is not. */
export const getQuarterlyReportStatus = (query: TQuarterlyReportStatusQuery, signal?: AbortSignal) =>
  api<TQuarterlyReportStatus>('/quarterly-reports/status', { query: { ...query }, signal });
