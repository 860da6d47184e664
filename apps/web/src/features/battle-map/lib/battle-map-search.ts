import { ZBattleMapQuery, type TBattleMapQuery } from '@reform/contracts';

export type BattleMapView = 'chart' | 'table';

/** The page's filters live in the URL (shareable, back button); anything unreadable falls back to its default. */
export function battleMapQueryOf(params: URLSearchParams): TBattleMapQuery {
  const raw = Object.fromEntries(params.entries());
  const query: Record<string, string> = {};
  for (const key of ['list', 'specialGroupId', 'unitId', 'groupBy'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (ZBattleMapQuery.shape[key].safeParse(value).success) query[key] = value;
  }
  return ZBattleMapQuery.parse(query);
}

export function viewOf(params: URLSearchParams, narrow: boolean): BattleMapView {
  const view = params.get('view');
  if (view === 'chart' || view === 'table') return view;
  return narrow ? 'table' : 'chart';
}
