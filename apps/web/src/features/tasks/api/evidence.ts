import type { TEvidenceFile } from '@reform/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const evidenceQueryKey = (taskId: number) => ['tasks', 'detail', taskId, 'evidence'] as const;

export const getEvidence = (taskId: number) => api<TEvidenceFile[]>(`/tasks/${taskId}/evidence`);

export const getEvidenceQueryOptions = (taskId: number) =>
  queryOptions({ queryKey: evidenceQueryKey(taskId), queryFn: () => getEvidence(taskId) });

export const useEvidence = (taskId: number) => useQuery(getEvidenceQueryOptions(taskId));

/** Where a file is downloaded; the server always sends it as an attachment. */
export const evidenceDownloadUrl = (id: number) => `/api/evidence/${id}/download`;

export const uploadEvidence = (taskId: number, file: File, milestoneId: number | null) => {
  const form = new FormData();
  if (milestoneId !== null) form.append('milestoneId', String(milestoneId));
  form.append('file', file);
  return api<TEvidenceFile>(`/tasks/${taskId}/evidence`, { method: 'POST', body: form });
};

export function useUploadEvidence(taskId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, milestoneId }: { file: File; milestoneId: number | null }) => uploadEvidence(taskId, file, milestoneId),
    onSuccess: () => client.invalidateQueries({ queryKey: evidenceQueryKey(taskId) }),
  });
}
