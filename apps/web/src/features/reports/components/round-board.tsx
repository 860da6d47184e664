import { DownloadOutlined } from '@ant-design/icons';
import type { TBoardCounts, TReportBoard } from '@reform/contracts';
import { Button, Card, Empty, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';

export type BoardRow = TReportBoard['units'][number];

interface RoundBoardProps {
  board: TReportBoard;
  /** Where the Excel export downloads from. */
  exportUrl: string;
  /** Extra buttons above the table (e.g. remind every missing unit at once). */
  extraActions?: ReactNode;
  /** Extra actions on a unit's row (e.g. a one-click reminder for a unit with missing reports). */
  unitActions?: (row: BoardRow) => ReactNode;
}

const figures: { key: keyof TBoardCounts; label: string }[] = [
  { key: 'expected', label: '应报' },
  { key: 'submitted', label: '已报送' },
  { key: 'accepted', label: '已采纳' },
  { key: 'returned', label: '已退回' },
  { key: 'late', label: '逾期报送' },
  { key: 'missing', label: '未报送' },
];

/** Units that have not yet reported everything, for reminders. */
export const missingUnits = (board: TReportBoard): BoardRow[] => board.units.filter((row) => row.missing > 0);

/**
 * The reform office's view of a round: per unit, how many reports were expected, submitted (at
 * least once), accepted, returned, late and missing; sortable, exportable, with the missing units
 * marked. Actions on units come from the caller.
 */
export function RoundBoard({ board, exportUrl, extraActions, unitActions }: RoundBoardProps) {
  const columns: TableColumnsType<BoardRow> = [
    {
      title: '单位',
      dataIndex: ['unit', 'name'],
      key: 'unit',
      sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh'),
      render: (name: string, row) => (
        <Space size={4} wrap>
          {name}
          {row.missing > 0 && <Tag color="red">未报 {row.missing}</Tag>}
        </Space>
      ),
    },
    ...figures.map(({ key, label }) => ({
      title: label,
      dataIndex: key,
      key,
      align: 'right' as const,
      sorter: (a: BoardRow, b: BoardRow) => a[key] - b[key],
      ...(key === 'missing' ? { defaultSortOrder: 'descend' as const } : {}),
    })),
    ...(unitActions ? [{ title: '操作', key: 'actions', render: (_: unknown, row: BoardRow) => unitActions(row) }] : []),
  ];
  const missing = missingUnits(board);
  return (
    <Card
      size="small"
      title="报送情况"
      extra={
        <Space wrap>
          {extraActions}
          <Button icon={<DownloadOutlined />} href={exportUrl} data-testid="board-export">
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Space wrap size={[24, 12]} style={{ marginBottom: 16 }} data-testid="board-totals">
        {figures.map(({ key, label }) => (
          <Statistic key={key} title={label} value={board.totals[key]} valueStyle={key === 'missing' && board.totals.missing > 0 ? { color: '#cf1322' } : undefined} />
        ))}
      </Space>
      {missing.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="board-missing-units">
          尚未报送的单位（{missing.length} 个）：{missing.map((row) => row.unit.name).join('、')}
        </Typography.Paragraph>
      )}
      {board.units.length === 0 ? (
        <Empty description="本轮次在您的范围内没有报告" />
      ) : (
        <Table<BoardRow>
          rowKey={(row) => row.unit.id}
          size="small"
          columns={columns}
          dataSource={board.units}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="board-table"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {figures.map(({ key }, i) => (
                <Table.Summary.Cell key={key} index={i + 1} align="right">
                  {board.totals[key]}
                </Table.Summary.Cell>
              ))}
              {unitActions && <Table.Summary.Cell index={figures.length + 1} />}
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}
