import type { TRankingPart, TRankingRow } from '@reform/contracts';
import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';

export const formatPoints = (points: number) => (Number.isInteger(points) ? String(points) : points.toFixed(2));
const rate = (part: TRankingPart) =>
  part.indicator === 'overdueItems' ? `${part.counted} 项` : part.value === null ? '期内无应计事项（得满分）' : `${part.met}/${part.counted}，${(part.value * 100).toFixed(1)}%`;

/** A row's parts and the facts behind each: every fact links to its task; the own row's facts may be appealed. */
export function RowDetail({ row, onAppeal }: { row: TRankingRow; onAppeal?: ((fact: TRankingPart['facts'][number]) => void) | undefined }) {
  if (!row.detail) return <Typography.Text type="secondary">其他单位的得分明细不公开，仅显示各项得分。</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid={`ranking-detail-${row.unit.id}`}>
      {row.parts.map((part) => (
        <div key={part.indicator}>
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text strong>
              {part.label}：{formatPoints(part.points)} 分
            </Typography.Text>
            <Typography.Text type="secondary">{rate(part)}</Typography.Text>
          </Flex>
          {part.facts.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无相关事实" style={{ margin: 4 }} />
          ) : (
            <List
              size="small"
              dataSource={part.facts}
              pagination={part.facts.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
              renderItem={(fact) => (
                <List.Item
                  data-testid={`fact-${fact.key}`}
                  actions={
                    onAppeal && !fact.override && !fact.met
                      ? [
                          <Button key="appeal" size="small" onClick={() => onAppeal(fact)}>
                            申诉
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Flex gap={6} wrap align="center" style={{ minWidth: 0 }}>
                    {fact.override === 'exclude' ? <Tag color="blue">申诉采纳：已剔除</Tag> : fact.override === 'correct' ? <Tag color="blue">申诉采纳：已更正</Tag> : fact.met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>}
                    <Link to={`/tasks/${fact.taskId}`} style={{ wordBreak: 'break-all' }}>
                      {fact.text}
                    </Link>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </div>
      ))}
    </Flex>
  );
}
