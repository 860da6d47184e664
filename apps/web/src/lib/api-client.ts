import type { TErrorBody } from '@reform/contracts';

/** An error answered by the API, carrying its error body (field errors, the current record on 409). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: TErrorBody;

  constructor(body: TErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.body = body;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Leave a 401 to the caller (the session probe and the login form handle it themselves). */
  allowUnauthorized?: boolean;
}

/** Where a 401 sends the user; swapped out in tests. */
export const unauthorizedHandler = {
  redirect(): void {
    const { pathname, search } = window.location;
    if (pathname === '/login') return;
    window.location.assign(`/login?redirectTo=${encodeURIComponent(pathname + search)}`);
  },
};

/** The URL of an API path with its query (empty values left out): also the `href` of a download link. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function readError(response: Response): Promise<TErrorBody> {
  const fallback: TErrorBody = {
    statusCode: response.status,
    code: 'HTTP_ERROR',
    message: response.status >= 500 ? '服务器出错，请稍后重试' : `请求失败（${response.status}）`,
    requestId: response.headers.get('x-request-id') ?? '',
  };
  try {
    const body: unknown = await response.json();
    return isErrorBody(body) ? body : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Whether an answer has the API's error shape. Checked by hand rather than with the contract's
 * zod schema: every page loads this client, and zod with the contracts would more than double
 * what the sign-in page downloads.
 */
export function isErrorBody(value: unknown): value is TErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.statusCode === 'number' &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    typeof body.requestId === 'string' &&
    (body.fields === undefined ||
      (Array.isArray(body.fields) &&
        body.fields.every(
          (field: unknown) =>
            typeof field === 'object' &&
            field !== null &&
            typeof (field as Record<string, unknown>).path === 'string' &&
            typeof (field as Record<string, unknown>).message === 'string',
        )))
  );
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, allowUnauthorized = false } = options;
  // A FormData body (file uploads) goes as multipart: the browser sets its boundary itself.
  const isForm = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      credentials: 'include',
      headers: { Accept: 'application/json', ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ statusCode: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试', requestId: '' });
  }
  if (!response.ok) {
    const errorBody = await readError(response);
    if (response.status === 401 && !allowUnauthorized) unauthorizedHandler.redirect();
    throw new ApiError(errorBody);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
