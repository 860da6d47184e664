import type { TSetting } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Every setting with its effective value; version 0 means it was never saved and the value is the default. */
export const getSettings = ({ signal }: { signal?: AbortSignal } = {}) => api<TSetting[]>('/settings', { signal });

export const settingsQueryKey = ['settings'] as const;

export const getSettingsQueryOptions = () =>
  queryOptions({ queryKey: settingsQueryKey, queryFn: ({ signal }) => getSettings({ signal }) });

export const useSettings = (options: { enabled?: boolean } = {}) =>
  useQuery({ ...getSettingsQueryOptions(), enabled: options.enabled ?? true });
