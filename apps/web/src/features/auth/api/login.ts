import type { TCurrentUser, TLoginBody } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';

export const login = (body: TLoginBody) =>
  api<TCurrentUser>('/auth/login', { method: 'POST', body, allowUnauthorized: true });

export function useLogin(options: { onSuccess?: (user: TCurrentUser) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // A fresh session: nothing cached for a previous user may leak into it.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
      options.onSuccess?.(user);
    },
  });
}
