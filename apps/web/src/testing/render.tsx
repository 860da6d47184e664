import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/lib/query-client';

type Handler = (request: { url: URL; method: string; body: unknown }) => { status?: number; body?: unknown } | undefined;

/**
 * Stubs fetch with a small router: the first handler that answers wins; anything unanswered is a 404
 * so a test never reaches the network. Returns the spy to inspect what the app sent.
 */
export function mockApi(handler: Handler) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const answer = handler({ url, method, body }) ?? {
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', message: 'not mocked', requestId: 't' },
    };
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', spy);
  return spy;
}

/** The API's 400 answer naming the fields at fault, as its error handler sends it. */
export function fieldErrors(fields: { path: string; message: string }[]) {
  return {
    status: 400,
    body: { statusCode: 400, code: 'BAD_REQUEST', message: '提交的内容有误，请检查标出的字段', requestId: 't', fields },
  };
}

/** Renders routes in a memory router inside the app's providers, as the app does. */
export function renderRoutes(routes: RouteObject[], initialPath: string) {
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}
