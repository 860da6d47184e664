import type { TRankingPart, TRankingResponse, TRankingRow } from '@reform/contracts';
import { Card, Collapse, Empty, Flex, Grid, Table, Tag, Typography } from 'antd';
import { RankChange } from './rank-change';
import { RowDetail, formatPoints } from './row-detail';

interface Props {
  ranking: TRankingResponse;
  onAppeal?: ((row: TRankingRow, fact: TRankingPart['facts'][number]) => void) | undefined;
}

/** The ranking as a table with expandable rows on a desktop, as cards on a phone. */
export function RankingTable({ ranking, onAppeal }: Props) {
  const narrow = Grid.useBreakpoint().md === false;
  const appealFor = (row: TRankingRow) => (onAppeal && row.unit.id === ranking.ownUnitId ? (fact: TRankingPart['facts'][number]) => onAppeal(row, fact) : undefined);
  const empty = <Empty description={ranking.status === 'published' && ranking.version === null ? '本期排名尚未发布' : '暂无参加排名的单位'} />;
  if (ranking.rows.length === 0) return empty;
  if (narrow) {
    return (
      <Flex vertical gap={8} data-testid="ranking-cards">
        {ranking.rows.map((row) => (
          <Card key={row.unit.id} size="small" data-testid={`ranking-row-${row.unit.id}`} styles={{ body: { padding: 12 } }}>
            <Flex justify="space-between" align="center" gap={8}>
              <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                <Typography.Text strong style={{ fontSize: 18, width: 28 }}>
                  {row.rank}
                </Typography.Text>
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  {row.unit.name}
                  {row.unit.id === ranking.ownUnitId && <Tag style={{ marginInlineStart: 6 }}>本单位</Tag>}
                </Typography.Text>
              </Flex>
              <Flex align="center" gap={10}>
                <RankChange change={row.change} />
                <Typography.Text strong>{formatPoints(row.score)}</Typography.Text>
              </Flex>
            </Flex>
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'detail',
                  label: row.parts.map((part) => `${part.label.replace(/率$|扣分$/, '')} ${formatPoints(part.points)}`).join(' · '),
                  children: <RowDetail row={row} onAppeal={appealFor(row)} />,
                },
              ]}
            />
          </Card>
        ))}
      </Flex>
    );
  }
  const partColumns = (ranking.rows[0]?.parts ?? []).map((part, index) => ({
    key: part.indicator,
    title: part.label,
    align: 'right' as const,
    render: (_: unknown, row: TRankingRow) => formatPoints(row.parts[index]?.points ?? 0),
    sorter: (a: TRankingRow, b: TRankingRow) => (a.parts[index]?.pointsHundredths ?? 0) - (b.parts[index]?.pointsHundredths ?? 0),
  }));
  return (
    <Table<TRankingRow>
      rowKey={(row) => row.unit.id}
      dataSource={ranking.rows}
      pagination={false}
      size="middle"
      onRow={(row) => ({ 'data-testid': `ranking-row-${row.unit.id}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{ expandedRowRender: (row) => <RowDetail row={row} onAppeal={appealFor(row)} />, rowExpandable: () => true }}
      columns={[
        { key: 'rank', title: '名次', dataIndex: 'rank', width: 70, sorter: (a, b) => a.rank - b.rank },
        { key: 'change', title: '较上季度', width: 90, render: (_, row) => <RankChange change={row.change} /> },
        {
          key: 'unit',
          title: '单位',
          render: (_, row) => (
            <>
              {row.unit.name}
              {row.unit.id === ranking.ownUnitId && <Tag style={{ marginInlineStart: 6 }}>本单位</Tag>}
            </>
          ),
        },
        ...partColumns,
        { key: 'score', title: '总分', align: 'right', render: (_, row) => <Typography.Text strong>{formatPoints(row.score)}</Typography.Text>, sorter: (a, b) => a.scoreHundredths - b.scoreHundredths },
      ]}
    />
  );
}
