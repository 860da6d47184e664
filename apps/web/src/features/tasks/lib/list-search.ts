import { ZTaskListQuery, type TTaskListQuery } from '@reform/contracts';

type QueryKey = keyof TTaskListQuery;
const keys = Object.keys(ZTaskListQuery.shape) as QueryKey[];
const defaults = ZTaskListQuery.parse({});

/**
 * The list's filters live in the URL so reload, back and a shared link all keep them.
 * A hand-edited or stale parameter that does not parse is dropped rather than breaking the page.
 */
export function parseListSearch(params: URLSearchParams): TTaskListQuery {
  const clean: Record<string, unknown> = {};
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = ZTaskListQuery.shape[key].safeParse(raw);
    if (parsed.success) clean[key] = parsed.data;
  }
  return ZTaskListQuery.parse(clean);
}

/** Only what differs from the defaults goes into the URL, to keep links short. */
export function toListSearch(query: TTaskListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = query[key];
    if (value === undefined || value === defaults[key]) continue;
    params.set(key, String(value));
  }
  return params;
}

export const filterKeys = ['list', 'status', 'light', 'unitId', 'field', 'year', 'q', 'specialGroupId', 'countyId', 'figure', 'period', 'figureUnitId'] as const satisfies readonly QueryKey[];

export function hasFilters(query: TTaskListQuery): boolean {
  return filterKeys.some((key) => query[key] !== undefined);
}

export type ListPatch = { [K in QueryKey]?: TTaskListQuery[K] | undefined };

/** Apply a change; any change other than paging starts again at page 1. */
export function applyPatch(query: TTaskListQuery, patch: ListPatch): TTaskListQuery {
  const next = { ...query, ...patch } as TTaskListQuery;
  if (!('page' in patch)) next.page = 1;
  return next;
}

export function clearedFilters(query: TTaskListQuery): TTaskListQuery {
  return { ...defaults, sort: query.sort, order: query.order, pageSize: query.pageSize };
}

/** The ledger export of what the list shows: the same filters and order, every page. */
export function exportHref(query: TTaskListQuery): string {
  const params = toListSearch({ ...query, page: defaults.page, pageSize: defaults.pageSize });
  const qs = params.toString();
  return `/api/tasks/export.xlsx${qs ? `?${qs}` : ''}`;
}
