import type {
  TEvidenceFile,
  TInspection,
  TInspectionCreateBody,
  TInspectionSummary,
  TRectification,
  TRectificationCreateBody,
  TRectificationListQuery,
  TRectificationPage,
  TReminderPage,
  RectificationAction,
} from '@reform/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

type Query = Record<string, string | number | boolean | undefined>;

export const inspectionsKey = ['supervision', 'inspections'] as const;
export const rectificationsKey = ['supervision', 'rectifications'] as const;

export const useInspections = (query: { page: number; pageSize: number }) =>
  useQuery(
    queryOptions({
      queryKey: [...inspectionsKey, 'list', query],
      queryFn: ({ signal }) => api<{ items: TInspectionSummary[]; total: number }>('/inspections', { query, signal }),
      placeholderData: keepPreviousData,
    }),
  );

export const useInspection = (id: number) =>
  useQuery(queryOptions({ queryKey: [...inspectionsKey, 'detail', id], queryFn: ({ signal }) => api<TInspection>(`/inspections/${id}`, { signal }) }));

export const useRectifications = (query: TRectificationListQuery) =>
  useQuery(
    queryOptions({
      queryKey: [...rectificationsKey, query],
      queryFn: ({ signal }) => api<TRectificationPage>('/rectifications', { query: query as Query, signal }),
      placeholderData: keepPreviousData,
    }),
  );

/** After any write: lists, details, the task's light and the to-do badge may all have changed. */
function useInvalidateSupervision() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['supervision'] }),
      queryClient.invalidateQueries({ queryKey: ['todos'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
  };
}

export function useCreateInspection() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: TInspectionCreateBody) => api<{ id: number }>('/inspections', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAddRectification(inspectionId: number) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: TRectificationCreateBody) =>
      api<{ id: number; status: string; version: number }>(`/inspections/${inspectionId}/rectifications`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export const actionPaths: Record<RectificationAction, string> = { respond: 'respond', close: 'close', reopen: 'reopen' };

export function useRectificationAction() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: RectificationAction; body: Record<string, unknown> }) =>
      api<TRectification>(`/rectifications/${id}/${actionPaths[action]}`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function uploadRectificationEvidence(id: number, file: File): Promise<TEvidenceFile> {
  const form = new FormData();
  form.append('file', file);
  return api<TEvidenceFile>(`/rectifications/${id}/evidence`, { method: 'POST', body: form });
}

export const useReminders = (query: { page: number; pageSize: number; day?: string }) =>
  useQuery(
    queryOptions({
      queryKey: ['supervision', 'reminders', query],
      queryFn: ({ signal }) => api<TReminderPage>('/reminders', { query, signal }),
      placeholderData: keepPreviousData,
    }),
  );

export function useRunReminders() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: () => api<{ sent: number; busy: boolean }>('/reminders/run', { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/** Tasks to choose for an inspection, found by words (the task list's own search). */
export const useTaskChoices = (q: string) =>
  useQuery(
    queryOptions({
      queryKey: ['supervision', 'task-choices', q],
      queryFn: ({ signal }) =>
        api<{ items: { id: number; code: string; title: string }[] }>('/tasks', { query: { pageSize: 20, ...(q ? { q } : {}) }, signal }),
      placeholderData: keepPreviousData,
    }),
  );
