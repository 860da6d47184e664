import type { TBattleMap, TBattleMapQuery } from '@reform/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getBattleMap = (query: TBattleMapQuery, { signal }: { signal?: AbortSignal } = {}) =>
  api<TBattleMap>('/battle-map', { query: { ...query }, signal });

export const getBattleMapQueryOptions = (query: TBattleMapQuery) =>
  queryOptions({
    queryKey: ['battle-map', query],
    queryFn: ({ signal }) => getBattleMap(query, { signal }),
    // Keep the chart on screen while another filter loads.
    placeholderData: keepPreviousData,
  });

export const useBattleMap = (query: TBattleMapQuery) => useQuery(getBattleMapQueryOptions(query));
