import {
  ZErrorBody,
  type TAssessmentGroup,
  type TAssessmentImportResult,
  type TAssessmentItemBody,
  type TAssessmentItemPatchBody,
  type TAssessmentList,
  type TAssessmentSheet,
} from '@reform/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unauthorizedHandler } from '@/lib/api-client';

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (year: number, group: TAssessmentGroup) => ['assessments', 'list', year, group] as const,
  sheet: (year: number, unitId: number) => ['assessments', 'sheet', year, unitId] as const,
};

export const useAssessmentList = (year: number, group: TAssessmentGroup) =>
  useQuery(
    queryOptions({
      queryKey: assessmentKeys.list(year, group),
      queryFn: ({ signal }) => api<TAssessmentList>('/assessments', { query: { year, group }, signal }),
    }),
  );

export const useAssessmentSheet = (year: number, unitId: number | null) =>
  useQuery({
    queryKey: assessmentKeys.sheet(year, unitId ?? 0),
    queryFn: ({ signal }) => api<TAssessmentSheet>(`/assessments/${year}/units/${unitId}`, { signal }),
    enabled: unitId !== null,
  });

const sheetPath = (year: number, unitId: number) => `/assessments/${year}/units/${unitId}`;

export const addAssessmentItem = (year: number, unitId: number, body: TAssessmentItemBody) =>
  api<TAssessmentSheet>(`${sheetPath(year, unitId)}/items`, { method: 'POST', body });
export const updateAssessmentItem = (year: number, unitId: number, itemId: number, body: TAssessmentItemPatchBody) =>
  api<TAssessmentSheet>(`${sheetPath(year, unitId)}/items/${itemId}`, { method: 'PATCH', body });
export const deleteAssessmentItem = (year: number, unitId: number, itemId: number, version: number) =>
  api<TAssessmentSheet>(`${sheetPath(year, unitId)}/items/${itemId}`, { method: 'DELETE', body: { version } });
export const finaliseAssessmentYear = (year: number) => api<{ year: number }>(`/assessments/${year}/finalise`, { method: 'POST' });

export const exportUrl = (year: number) => `/api/assessments/${year}/export.xlsx`;

/** After a write: the sheet as answered, and every summary refetched. */
export function useStoreSheet() {
  const queryClient = useQueryClient();
  return async (sheet: TAssessmentSheet) => {
    queryClient.setQueryData(assessmentKeys.sheet(sheet.year, sheet.unit.id), sheet);
    await queryClient.invalidateQueries({ queryKey: ['assessments', 'list'] });
  };
}

export function useFinalise(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => finaliseAssessmentYear(year),
    onSettled: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export type ImportOutcome = { kind: 'checked' | 'imported' | 'rejected'; result: TAssessmentImportResult };

/** POST /api/assessments/:year/import: a 422 carries the problems per row and column. */
export async function importScores(year: number, file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/assessments/${year}/import?dryRun=${dryRun}`, { method: 'POST', body: form, credentials: 'include', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError({ statusCode: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试', requestId: '' });
  }
  const body: unknown = await response.json().catch(() => null);
  const isResult = typeof body === 'object' && body !== null && Array.isArray((body as TAssessmentImportResult).errors);
  if (response.status === 200 && isResult) return { kind: dryRun ? 'checked' : 'imported', result: body as TAssessmentImportResult };
  if (response.status === 422 && isResult) return { kind: 'rejected', result: body as TAssessmentImportResult };
  if (response.status === 401) unauthorizedHandler.redirect();
  const parsed = ZErrorBody.safeParse(body);
  throw new ApiError(parsed.success ? parsed.data : { statusCode: response.status, code: 'HTTP_ERROR', message: `请求失败（${response.status}）`, requestId: '' });
}
