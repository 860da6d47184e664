import type { TReportList } from '@reform/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** A task's quarterly reports, newest quarter first (the 季度报告 tab). */
export const useTaskReports = (taskId: number, enabled: boolean) =>
  useQuery({
    queryKey: ['reports', 'task', taskId],
    queryFn: ({ signal }) => api<TReportList>('/reports', { query: { taskId, pageSize: 40 }, signal }),
    enabled,
  });
