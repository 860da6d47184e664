import type { TAdjustment } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getAdjustments = (taskId: number, { signal }: { signal?: AbortSignal } = {}) =>
  api<TAdjustment[]>(`/tasks/${taskId}/adjustments`, { signal });

export const adjustmentsQueryKey = (taskId: number) => ['tasks', 'adjustments', taskId] as const;

export const getAdjustmentsQueryOptions = (taskId: number) =>
  queryOptions({ queryKey: adjustmentsQueryKey(taskId), queryFn: ({ signal }) => getAdjustments(taskId, { signal }) });

export const useAdjustments = (taskId: number, options: { enabled?: boolean } = {}) =>
  useQuery({ ...getAdjustmentsQueryOptions(taskId), enabled: options.enabled ?? true });
