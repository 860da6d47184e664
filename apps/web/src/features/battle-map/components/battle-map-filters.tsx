import { BattleMapGroupByEnum, TaskListEnum, type TBattleMapQuery } from '@reform/contracts';
import { Button, Col, Row, Segmented, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { flattenUnits, toTreeOptions, useUnits } from '@/lib/units';
import { enumOptions } from '@/lib/enum-options';

interface BattleMapFiltersProps {
  query: TBattleMapQuery;
  onChange: (patch: Partial<TBattleMapQuery>) => void;
  onReset: () => void;
}

export function BattleMapFilters({ query, onChange, onReset }: BattleMapFiltersProps) {
  const units = useUnits();
  const unitOptions = useMemo(() => toTreeOptions(units.data ?? []), [units.data]);
  const specialGroups = useMemo(
    () => flattenUnits(units.data ?? []).filter((unit) => unit.kind === 'special_group').map((unit) => ({ value: unit.id, label: unit.name })),
    [units.data],
  );
  return (
    <Row gutter={[8, 8]} align="middle">
      <Col xs={24} md={8} lg={7}>
        <Segmented
          aria-label="分组方式"
          block
          value={query.groupBy}
          onChange={(groupBy) => onChange({ groupBy })}
          options={enumOptions(BattleMapGroupByEnum)}
        />
      </Col>
      <Col xs={12} md={5} lg={4}>
        <Select
          aria-label="清单"
          placeholder="全部清单"
          allowClear
          style={{ width: '100%' }}
          value={query.list}
          onChange={(list) => onChange({ list })}
          options={enumOptions(TaskListEnum)}
        />
      </Col>
      <Col xs={12} md={5} lg={5}>
        <Select
          aria-label="专项小组"
          placeholder="全部专项小组"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          value={query.specialGroupId}
          onChange={(specialGroupId) => onChange({ specialGroupId })}
          loading={units.isPending}
          options={specialGroups}
          popupMatchSelectWidth={false}
        />
      </Col>
      <Col xs={18} md={5} lg={6}>
        <TreeSelect
          aria-label="牵头单位"
          placeholder="全部牵头单位"
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ width: '100%' }}
          value={query.unitId}
          onChange={(unitId: number | undefined) => onChange({ unitId })}
          treeData={unitOptions}
          loading={units.isPending}
          popupMatchSelectWidth={false}
        />
      </Col>
      <Col xs={6} md={1} lg={2}>
        <Button onClick={onReset} block>
          重置
        </Button>
      </Col>
    </Row>
  );
}
