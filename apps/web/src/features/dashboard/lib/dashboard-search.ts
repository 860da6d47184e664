import { ZDashboardQuery, type TDashboard, type TDashboardQuery, type TFigureKey } from '@reform/contracts';

const keys = Object.keys(ZDashboardQuery.shape) as (keyof TDashboardQuery)[];

/** The dashboard's filters live in the URL (reload, back and a shared link keep them); a bad one is dropped. */
export function parseDashboardSearch(params: URLSearchParams): TDashboardQuery {
  const clean: Record<string, unknown> = {};
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = ZDashboardQuery.shape[key].safeParse(raw);
    if (parsed.success) clean[key] = parsed.data;
  }
  return ZDashboardQuery.parse(clean);
}

export function toDashboardSearch(query: TDashboardQuery, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

/**
 * The task list filtered to exactly the tasks behind a figure: the same filters and period the
 * dashboard counted with (the API's `figure` drill-down), so the list's total is the figure's count.
 */
export function figureHref(
  key: TFigureKey,
  dashboard: Pick<TDashboard, 'period'>,
  query: TDashboardQuery,
  figureUnitId?: number,
): string {
  const params = new URLSearchParams({ figure: key, period: dashboard.period.key });
  for (const name of ['list', 'field', 'specialGroupId', 'unitId', 'countyId'] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  if (figureUnitId !== undefined) params.set('figureUnitId', String(figureUnitId));
  return `/tasks?${params.toString()}`;
}

/** A figure's value as read: a count, or a percentage with one decimal; "—" when nothing was due. */
export function formatFigure(value: number | null, kind: 'count' | 'rate'): string {
  if (value === null) return '—';
  return kind === 'rate' ? `${value.toFixed(1)}%` : String(value);
}

/** The change against the previous period: "+3", "−2.5 个百分点", "持平". */
export function formatChange(change: number | null, kind: 'count' | 'rate'): string | null {
  if (change === null) return null;
  if (change === 0) return '持平';
  const sign = change > 0 ? '+' : '−';
  const amount = Math.abs(change);
  return kind === 'rate' ? `${sign}${amount.toFixed(1)} 个百分点` : `${sign}${amount}`;
}
