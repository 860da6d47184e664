import type { TUnitNode } from '@reform/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The units this user may mention in a comment on the task, as the server's policy decides. */
export const useMentionableUnits = (taskId: number) =>
  useQuery({
    queryKey: ['units', 'assignable', 'mention', taskId],
    queryFn: ({ signal }) => api<TUnitNode[]>('/units', { query: { assignable: 'mention', taskId: String(taskId) }, signal }),
    staleTime: 10 * 60_000,
  });
