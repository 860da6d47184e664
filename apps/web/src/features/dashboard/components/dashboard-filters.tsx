import { TaskListEnum, type TDashboardQuery } from '@reform/contracts';
import { quarterOf } from '@reform/domain';
import { Button, Flex, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { countyOptions, flattenUnits, toTreeOptions, useUnits } from '@/lib/units';
import { useFieldFacets } from '../api/get-dashboard';
import { enumOptions } from '@/lib/enum-options';

interface DashboardFiltersProps {
  query: TDashboardQuery;
  today: string;
  onChange: (patch: Partial<TDashboardQuery>) => void;
  onReset: () => void;
}

/** The periods offered: the last 8 quarters and this year and last year to date. */
function periodOptions(today: string) {
  const current = quarterOf(today);
  const options: { value: string; label: string }[] = [];
  let { year, quarter } = current;
  for (let i = 0; i < 8; i++) {
    options.push({ value: `${year}-${quarter}`, label: `${year}年第${'一二三四'[quarter - 1]}季度` });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  options.push({ value: `${current.year}-ytd`, label: `${current.year}年（截至目前）` });
  options.push({ value: `${current.year - 1}-ytd`, label: `${current.year - 1}年全年` });
  return options;
}

export function DashboardFilters({ query, today, onChange, onReset }: DashboardFiltersProps) {
  const units = useUnits();
  const facets = useFieldFacets();
  const periods = useMemo(() => periodOptions(today), [today]);
  const current = quarterOf(today);
  const periodValue =
    query.year === undefined && query.quarter === undefined
      ? `${current.year}-${current.quarter}`
      : query.quarter === undefined
        ? `${query.year}-ytd`
        : `${query.year ?? current.year}-${query.quarter}`;
  const tree = useMemo(() => toTreeOptions(units.data ?? []), [units.data]);
  const groups = useMemo(
    () => flattenUnits(units.data ?? []).filter((u) => u.kind === 'special_group').map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  const counties = useMemo(() => countyOptions(units.data ?? []).map((u) => ({ value: u.value, label: u.title })), [units.data]);
  const common = { allowClear: true, style: { minWidth: 140, flex: '1 1 140px', maxWidth: 240 } };

  return (
    <Flex wrap gap={8} data-testid="dashboard-filters">
      <Select
        aria-label="期间"
        value={periodValue}
        options={periods}
        style={{ minWidth: 150, flex: '1 1 150px', maxWidth: 200 }}
        onChange={(value: string) => {
          const [year, q] = value.split('-');
          onChange({ year: Number(year), quarter: q === 'ytd' ? undefined : Number(q) });
        }}
      />
      <Select
        {...common}
        aria-label="清单"
        placeholder="全部清单"
        value={query.list}
        options={enumOptions(TaskListEnum)}
        onChange={(list) => onChange({ list })}
      />
      <Select
        {...common}
        aria-label="领域"
        placeholder="全部领域"
        value={query.field}
        options={(facets.data?.fields ?? []).map((value) => ({ value, label: value }))}
        onChange={(field) => onChange({ field })}
      />
      <Select
        {...common}
        aria-label="专项小组"
        placeholder="全部专项小组"
        value={query.specialGroupId}
        options={groups}
        onChange={(specialGroupId) => onChange({ specialGroupId })}
      />
      <TreeSelect
        {...common}
        aria-label="牵头单位"
        placeholder="全部单位"
        value={query.unitId}
        treeData={tree}
        showSearch={{ treeNodeFilterProp: 'title' }}
        onChange={(unitId) => onChange({ unitId })}
      />
      <Select
        {...common}
        aria-label="县（市、区）"
        placeholder="全部县（市、区）"
        value={query.countyId}
        options={counties}
        onChange={(countyId) => onChange({ countyId })}
      />
      <Button onClick={onReset}>重置</Button>
    </Flex>
  );
}
