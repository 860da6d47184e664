import type { TCurrentUser, TPermission } from '@reform/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export async function getMe(): Promise<TCurrentUser | null> {
  try {
    return await api<TCurrentUser>('/auth/me', { allowUnauthorized: true });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export const useUser = () => useQuery(meQueryOptions());

export async function logout(): Promise<void> {
  await api<void>('/auth/logout', { method: 'POST', allowUnauthorized: true });
}

export function useLogout(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Nothing of the previous user may survive into the next session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      options.onSuccess?.();
    },
  });
}

/**
 * Whether the signed-in user holds a permission of the API's policy, as `/api/auth/me` reports it:
 * the web app never re-derives role rules. The server decides; this only hides the way in.
 */
export function useCan(permission: TPermission): boolean {
  return useUser().data?.permissions.includes(permission) ?? false;
}
