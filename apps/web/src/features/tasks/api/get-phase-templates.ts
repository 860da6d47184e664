import type { TPhaseTemplate } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getPhaseTemplates = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<TPhaseTemplate[]>('/timetable/templates', { signal });

export const getPhaseTemplatesQueryOptions = () =>
  queryOptions({ queryKey: ['timetable', 'templates'], queryFn: ({ signal }) => getPhaseTemplates({ signal }), staleTime: 10 * 60_000 });

export const usePhaseTemplates = (options: { enabled?: boolean } = {}) =>
  useQuery({ ...getPhaseTemplatesQueryOptions(), enabled: options.enabled ?? true });
