import type { SettingKey, TSetting } from '@reform/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsQueryKey } from './get-settings';

export interface UpdateSettingBody {
  version: number;
  value: unknown;
}

/** Saves one setting if nobody saved it since `version` (409 with the current one otherwise). */
export const updateSetting = (key: SettingKey, body: UpdateSettingBody) =>
  api<TSetting>(`/settings/${key}`, { method: 'PUT', body });

/** Puts one saved setting into the cached list, leaving the others as they are. */
export function storeSetting(queryClient: QueryClient, saved: TSetting) {
  queryClient.setQueryData<TSetting[]>(settingsQueryKey, (list) =>
    list ? list.map((setting) => (setting.key === saved.key ? saved : setting)) : list,
  );
}

export function useUpdateSetting(key: SettingKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingBody) => updateSetting(key, body),
    onSuccess: async (saved) => {
      storeSetting(queryClient, saved);
      // Phase templates are read by the timetable planner; the others only by the server.
      if (key === 'phaseTemplates') await queryClient.invalidateQueries({ queryKey: ['timetable', 'templates'] });
    },
  });
}
