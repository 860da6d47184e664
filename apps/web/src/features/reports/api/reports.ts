import type {
  TEvidenceFile,
  TReportBoard,
  TReportContribution,
  TReportDetail,
  TReportDiff,
  TReportList,
  TReportListQueryInput,
  TReportRound,
  TReportRoundList,
  TReportRoundOpenBody,
  TReportSaveBody,
  TReportSaved,
} from '@reform/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const reportsKey = ['reports'] as const;
export const reportKey = (id: number) => ['reports', 'detail', id] as const;
export const roundsKey = ['report-rounds'] as const;

export const getReports = (query: TReportListQueryInput, signal?: AbortSignal) =>
  api<TReportList>('/reports', { query: query as Record<string, string | number | undefined>, signal });
export const useReports = (query: TReportListQueryInput) =>
  useQuery({ queryKey: [...reportsKey, 'list', query], queryFn: ({ signal }) => getReports(query, signal), placeholderData: keepPreviousData });

export const getReport = (id: number, signal?: AbortSignal) => api<TReportDetail>(`/reports/${id}`, { signal });
export const reportQueryOptions = (id: number) => queryOptions({ queryKey: reportKey(id), queryFn: ({ signal }) => getReport(id, signal) });
export const useReport = (id: number) => useQuery({ ...reportQueryOptions(id), enabled: Number.isInteger(id) && id > 0 });

export const saveReport = (id: number, body: TReportSaveBody, keepalive = false) =>
  keepalive
    ? fetch(`/api/reports/${id}`, { method: 'PATCH', credentials: 'include', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    : api<TReportSaved>(`/reports/${id}`, { method: 'PATCH', body });

export const submitReport = (id: number, version: number) => api<TReportDetail>(`/reports/${id}/submit`, { method: 'POST', body: { version } });
export const returnReport = (id: number, version: number, comment: string) =>
  api<TReportDetail>(`/reports/${id}/return`, { method: 'POST', body: { version, comment } });
export const acceptReport = (id: number, version: number) => api<TReportDetail>(`/reports/${id}/accept`, { method: 'POST', body: { version } });
export const saveContribution = (id: number, version: number, text: string) =>
  api<TReportContribution>(`/reports/${id}/contribution`, { method: 'PUT', body: { version, text } });

export const getReportDiff = (id: number, signal?: AbortSignal) => api<TReportDiff>(`/reports/${id}/diff`, { signal });
export const useReportDiff = (id: number, enabled: boolean) =>
  useQuery({ queryKey: [...reportKey(id), 'diff'], queryFn: ({ signal }) => getReportDiff(id, signal), enabled });

export const uploadReportEvidence = (taskId: number, reportId: number, file: File) => {
  const form = new FormData();
  form.append('reportId', String(reportId));
  form.append('file', file);
  return api<TEvidenceFile>(`/tasks/${taskId}/evidence`, { method: 'POST', body: form });
};
export const evidenceDownloadUrl = (id: number) => `/api/evidence/${id}/download`;

export const useRounds = () => useQuery({ queryKey: roundsKey, queryFn: ({ signal }) => api<TReportRoundList>('/report-rounds', { signal }) });
export const useRound = (id: number) =>
  useQuery({ queryKey: [...roundsKey, id], queryFn: ({ signal }) => api<TReportRound>(`/report-rounds/${id}`, { signal }) });
export const useRoundBoard = (id: number) =>
  useQuery({ queryKey: [...roundsKey, id, 'board'], queryFn: ({ signal }) => api<TReportBoard>(`/report-rounds/${id}/board`, { signal }) });
export const openRound = (body: TReportRoundOpenBody) => api<TReportRound>('/report-rounds', { method: 'POST', body });

/** After a review or a submission: lists, boards and the report itself are stale. */
export function useInvalidateReports() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([client.invalidateQueries({ queryKey: reportsKey }), client.invalidateQueries({ queryKey: roundsKey })]);
  };
}

export function useOpenRound() {
  const client = useQueryClient();
  return useMutation({ mutationFn: openRound, onSuccess: () => client.invalidateQueries({ queryKey: roundsKey }) });
}
