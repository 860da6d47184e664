import { LightEnum, MilestoneStateEnum, type TBattleMap, type TBattleMapRow } from '@reform/contracts';
import { Grid, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { LightIndicator } from '@/components/light-indicator';

const lightOrder = (row: TBattleMapRow) => LightEnum.values.indexOf(row.light);

function milestoneSummary(row: TBattleMapRow): string {
  if (row.milestones.length === 0) return '无节点';
  return MilestoneStateEnum.values
    .map((state) => [state, row.milestones.filter((m) => m.state === state).length] as const)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${MilestoneStateEnum.labels[state]} ${count}`)
    .join('，');
}

/**
 * The same rows as a table (screen readers, keyboards, phones): virtual scrolling keeps 2,000
 * rows light; each column sorts.
 */
export function BattleMapTable({ map }: { map: TBattleMap }) {
  const narrow = Grid.useBreakpoint().md === false;
  const groupLabels = useMemo(() => new Map(map.groups.map((g) => [g.key, g.label])), [map.groups]);
  const columns: TableColumnsType<TBattleMapRow> = [
    {
      title: '任务',
      key: 'task',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, row) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/tasks/${row.id}`}>{row.title}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.code}
              {narrow ? ` · ${row.start} 至 ${row.deadline}` : ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '状态灯',
      key: 'light',
      width: 72,
      sorter: (a, b) => lightOrder(a) - lightOrder(b),
      render: (_, row) => <LightIndicator light={row.light} reason={row.lightReason} />,
    },
    ...(narrow
      ? []
      : ([
          { title: '分组', key: 'group', width: 150, ellipsis: true, render: (_, row) => groupLabels.get(row.groupKey) },
          { title: '开始', dataIndex: 'start', width: 108, sorter: (a, b) => a.start.localeCompare(b.start) },
          { title: '完成时限', dataIndex: 'deadline', width: 108, sorter: (a, b) => a.deadline.localeCompare(b.deadline) },
          {
            title: '基线时限',
            dataIndex: 'baselineDeadline',
            width: 108,
            render: (value: string | null) => value ?? <Typography.Text type="secondary">未批准</Typography.Text>,
          },
          { title: '节点', key: 'milestones', width: 200, render: (_, row) => milestoneSummary(row) },
          { title: '状态说明', dataIndex: 'lightReason', width: 260, ellipsis: true },
        ] satisfies TableColumnsType<TBattleMapRow>)),
  ];
  return (
    <Table<TBattleMapRow>
      data-testid="battle-map-table"
      rowKey="id"
      size="small"
      virtual
      columns={columns}
      dataSource={map.rows}
      pagination={false}
      scroll={{ y: 560, x: narrow ? undefined : 1150 }}
      summary={() => null}
    />
  );
}
