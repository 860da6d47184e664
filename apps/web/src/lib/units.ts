import type { TRef, TUnitNode } from '@reform/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export const getUnits = ({ signal }: { signal?: AbortSignal } = {}) => api<TUnitNode[]>('/units', { signal });

export const getUnitsQueryOptions = () =>
  queryOptions({ queryKey: ['units'], queryFn: ({ signal }) => getUnits({ signal }), staleTime: 10 * 60_000 });

export const useUnits = () => useQuery(getUnitsQueryOptions());

export interface UnitTreeOption {
  value: number;
  title: string;
  children: UnitTreeOption[];
}

export function toTreeOptions(nodes: readonly TUnitNode[]): UnitTreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: toTreeOptions(node.children) }));
}

export function flattenUnits(nodes: readonly TUnitNode[]): TUnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenUnits(node.children)]);
}

/** Counties, districts and development zones (县市区): the units that apply for pilots, as a select's options. */
export function countyOptions(nodes: readonly TUnitNode[]): UnitTreeOption[] {
  return flattenUnits(nodes)
    .filter((unit) => unit.kind === 'county' || unit.kind === 'zone')
    .map((unit) => ({ value: unit.id, title: unit.name, children: [] }));
}

/**
 * Units a task already refers to may lie outside the tree the user is shown;
 * add them so a select shows their name instead of a bare id.
 */
export function withKnownUnits(options: UnitTreeOption[], known: readonly (TRef | null | undefined)[]): UnitTreeOption[] {
  const present = new Set<number>();
  const collect = (list: UnitTreeOption[]) => {
    for (const option of list) {
      present.add(option.value);
      collect(option.children);
    }
  };
  collect(options);
  const missing = known.filter((ref): ref is TRef => !!ref && !present.has(ref.id));
  const unique = [...new Map(missing.map((ref) => [ref.id, ref])).values()];
  return [...options, ...unique.map((ref) => ({ value: ref.id, title: ref.name, children: [] }))];
}
