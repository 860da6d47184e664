import type { TUnitNode } from '@reform/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The units this user may name as a task's lead unit, as the server's policy decides (a county office: its county). */
export const useAssignableUnits = () =>
  useQuery({
    queryKey: ['units', 'assignable', 'lead'],
    queryFn: ({ signal }) => api<TUnitNode[]>('/units', { query: { assignable: 'lead' }, signal }),
    staleTime: 10 * 60_000,
  });
