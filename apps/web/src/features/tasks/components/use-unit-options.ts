import type { TRef } from '@reform/contracts';
import { useMemo } from 'react';
import { countyOptions, flattenUnits, toTreeOptions, useUnits, withKnownUnits, type UnitTreeOption } from '@/lib/units';
import { useAssignableUnits } from '../api/get-assignable-units';

type Known = TRef | null | undefined;

/** Units a task already names, so each select shows a name, never a bare id, even outside the user's tree. */
export interface KnownUnits {
  leadUnit?: Known;
  specialGroup?: Known;
  applyingCounty?: Known;
  /** Cooperating and originating units, of the task and of another person's version. */
  others?: Known[];
}

/**
 * The unit choices of the task form: the whole tree (cooperating units, 首创单位), the units this
 * user may make lead (asked of the server, whose policy decides), counties for a pilot, special
 * groups, and a name for any id.
 */
export function useUnitOptions({ leadUnit, specialGroup, applyingCounty, others = [] }: KnownUnits = {}) {
  const units = useUnits();
  const assignable = useAssignableUnits();
  const knownKey = JSON.stringify([leadUnit, specialGroup, applyingCounty, others]);
  return useMemo(() => {
    const all = units.data ?? [];
    const known = [leadUnit, specialGroup, applyingCounty, ...others];
    const unitTree = withKnownUnits(toTreeOptions(all), known);
    const names = new Map<number, string>();
    const visit = (options: UnitTreeOption[]) => {
      for (const option of options) {
        names.set(option.value, option.title);
        visit(option.children);
      }
    };
    visit(unitTree);
    const groups = flattenUnits(all)
      .filter((unit) => unit.kind === 'special_group')
      .map((unit) => ({ value: unit.id, title: unit.name, children: [] }));
    return {
      loading: units.isPending || assignable.isPending,
      unitTree,
      leadUnits: withKnownUnits(toTreeOptions(assignable.data ?? []), [leadUnit]),
      counties: withKnownUnits(countyOptions(all), [applyingCounty]),
      specialGroups: withKnownUnits(groups, [specialGroup]).map((option) => ({ value: option.value, label: option.title })),
      unitName: (id: number) => names.get(id) ?? `单位 #${id}`,
    };
    // knownKey stands for the known units, which arrive as new objects on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [units.data, units.isPending, assignable.data, assignable.isPending, knownKey]);
}
