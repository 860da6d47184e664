import type { TRankingAppeal, TRankingAppealCreate, TRankingAppealDecision, TRankingPublishBody, TRankingResponse } from '@reform/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '@/lib/api-client';

export interface RankingParams {
  group: 'department' | 'county';
  year: number;
  quarter: number;
  ytd: boolean;
  /** A published version's number; undefined = the latest (the office: the draft when `draft`). */
  version?: number | undefined;
  draft?: boolean;
}

const rankingQuery = (params: RankingParams) => ({
  group: params.group,
  year: params.year,
  quarter: params.quarter,
  ytd: params.ytd,
  version: params.version,
  draft: params.draft ? 'true' : undefined,
});

export const rankingQueryOptions = (params: RankingParams) =>
  queryOptions({
    queryKey: ['rankings', 'one', params],
    queryFn: ({ signal }) => api<TRankingResponse>('/rankings', { signal, query: rankingQuery(params) }),
    placeholderData: keepPreviousData,
  });

/** The same ranking as an Excel file (the table, the facts behind the points, the formula). */
export const rankingExportUrl = (params: RankingParams) => apiUrl('/rankings/export.xlsx', rankingQuery(params));

export const useRanking = (params: RankingParams) => useQuery(rankingQueryOptions(params));

export const appealsQueryKey = ['rankings', 'appeals'] as const;
export const useAppeals = () =>
  useQuery({ queryKey: appealsQueryKey, queryFn: ({ signal }) => api<{ items: TRankingAppeal[] }>('/rankings/appeals', { signal }) });

export function usePublishRanking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TRankingPublishBody) => api<TRankingResponse>('/rankings/publish', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rankings'] }),
  });
}

export function useCreateAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TRankingAppealCreate) => api<TRankingAppeal>('/rankings/appeals', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: appealsQueryKey }),
  });
}

export function useDecideAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TRankingAppealDecision }) => api<TRankingAppeal>(`/rankings/appeals/${id}/decision`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rankings'] }),
  });
}

export const uploadAppealEvidence = (taskId: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<{ id: number }>(`/tasks/${taskId}/evidence`, { method: 'POST', body: form });
};
