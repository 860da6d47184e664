import { AssessmentItemKindEnum, type TAssessmentItem, type TAssessmentItemKind } from '@reform/contracts';
import { formatHundredths, todayInShanghai } from '@reform/domain';
import { App, Alert, Button, Descriptions, Drawer, Empty, Flex, Grid, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import type { ApiError } from '@/lib/api-client';
import { useCan } from '@/lib/auth';
import { deleteAssessmentItem, useAssessmentSheet, useStoreSheet } from '../api/assessments';
import { ItemDialog, promotionLabel } from './item-dialog';

const kindColor: Record<TAssessmentItemKind, string> = { third_party: 'blue', satisfaction: 'cyan', bonus: 'green', deduction: 'red' };

export interface ScoreSheetDrawerProps {
  year: number;
  unitId: number | null;
  onClose: () => void;
}

/** 考评表: a unit's score, how each part is computed, and every entry with its reason and evidence. */
export function ScoreSheetDrawer({ year, unitId, onClose }: ScoreSheetDrawerProps) {
  const screens = Grid.useBreakpoint();
  const { message, modal } = App.useApp();
  const canManage = useCan('assessment:manage');
  const sheet = useAssessmentSheet(year, unitId);
  const store = useStoreSheet();
  const [dialog, setDialog] = useState<{ item: TAssessmentItem | null; kind: TAssessmentItemKind } | null>(null);

  const onConflict = (error: ApiError) => {
    setDialog(null);
    void sheet.refetch();
    modal.warning({ title: '未能保存', content: `${error.message}（已载入最新的考评表）` });
  };

  const remove = async (item: TAssessmentItem) => {
    try {
      const saved = await deleteAssessmentItem(year, unitId!, item.id, item.version);
      await store(saved);
      message.success('条目已删除');
    } catch (error) {
      onConflict(error as ApiError);
    }
  };

  const data = sheet.data;
  const locked = data?.finalised != null;
  const editable = canManage && !locked;
  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={data ? `${data.unit.name} · ${year} 年度考评表` : '考评表'}
      destroyOnHidden
      data-testid="score-sheet"
    >
      {sheet.isPending && <Skeleton active />}
      {sheet.isError && <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />}
      {data && (
        <Flex vertical gap={16}>
          {locked && <Alert type="info" showIcon title={`${year} 年度考评已于 ${todayInShanghai(new Date(data.finalised!.at))} 由 ${data.finalised!.by} 定稿，不能再修改`} />}
          <Descriptions bordered size="small" column={1} data-testid="sheet-score">
            <Descriptions.Item label="总分">
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="sheet-total">
                {formatHundredths(data.score.total)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {' '}= 基础分 {formatHundredths(data.score.base)} + 加分 {formatHundredths(data.score.bonus)} − 扣分 {formatHundredths(data.score.deductions)}
              </Typography.Text>
            </Descriptions.Item>
            {data.score.parts.map((part) => (
              <Descriptions.Item key={part.indicator} label={`${part.label}（${formatHundredths(part.weight)} 分）`}>
                <div>
                  {part.raw === null ? (
                    <Typography.Text type="secondary">{part.indicator === 'ranking' ? '暂无全年累计排名得分' : '未录入'}，计 0 分</Typography.Text>
                  ) : (
                    <span>
                      {formatHundredths(part.raw)} / {formatHundredths(part.rawMax)} → <b>{formatHundredths(part.points)}</b> 分
                    </span>
                  )}
                </div>
                {part.indicator === 'ranking' && data.rankingParts.length > 0 && (
                  <div style={{ fontSize: 12 }} data-testid="sheet-ranking-parts">
                    全年累计得分构成：
                    {data.rankingParts.map((p) => `${p.label} ${formatHundredths(p.points)}`).join('；')}
                  </div>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {part.definition}
                </Typography.Text>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="加分">
              {formatHundredths(data.score.bonus)}
              {data.score.bonusClaimed > data.score.bonus && (
                <Typography.Text type="warning">（条目合计 {formatHundredths(data.score.bonusClaimed)}，最多计入 20 分）</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              考评条目
            </Typography.Title>
            {editable && (
              <Space wrap>
                <Button onClick={() => setDialog({ item: null, kind: 'bonus' })} data-testid="add-bonus">
                  新增加分
                </Button>
                <Button onClick={() => setDialog({ item: null, kind: 'deduction' })} data-testid="add-deduction">
                  新增扣分
                </Button>
                <Button onClick={() => setDialog({ item: null, kind: 'third_party' })}>录入基础得分</Button>
              </Space>
            )}
          </Flex>
          {data.items.length === 0 ? (
            <Empty description="暂无考评条目" />
          ) : (
            <List
              dataSource={data.items}
              data-testid="sheet-items"
              renderItem={(item) => (
                <List.Item
                  actions={
                    editable
                      ? [
                          <Button key="edit" type="link" size="small" onClick={() => setDialog({ item, kind: item.kind })}>
                            修改
                          </Button>,
                          <Popconfirm
                            key="delete"
                            title="删除这个条目？"
                            description={`${AssessmentItemKindEnum.labels[item.kind]} ${formatHundredths(item.points)} 分：${item.reason}`}
                            okText="删除"
                            okButtonProps={{ danger: true }}
                            cancelText="取消"
                            onConfirm={() => remove(item)}
                          >
                            <Button type="link" size="small" danger>
                              删除
                            </Button>
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color={kindColor[item.kind]}>{AssessmentItemKindEnum.labels[item.kind]}</Tag>
                        <span>{item.kind === 'deduction' ? '−' : item.kind === 'bonus' ? '+' : ''}{formatHundredths(item.points)} 分</span>
                      </Space>
                    }
                    description={
                      <Flex vertical gap={2}>
                        <span style={{ color: 'rgba(0,0,0,0.88)' }}>{item.reason}</span>
                        {item.typicalCase && (
                          <span>
                            典型案例：{item.typicalCase.title}
                            {item.typicalCase.promotedLevel ? `（${promotionLabel(item.typicalCase.promotedLevel)}推广）` : ''}
                          </span>
                        )}
                        {item.evidence.length > 0 && (
                          <span>
                            佐证材料：
                            {item.evidence.map((e, i) => (
                              <span key={e.id}>
                                {i > 0 && '、'}
                                <a href={`/api/evidence/${e.id}/download`}>{e.name}</a>
                              </span>
                            ))}
                          </span>
                        )}
                        <span>
                          {item.createdBy ?? '—'} · {todayInShanghai(new Date(item.updatedAt))}
                        </span>
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          )}
          {dialog && (
            <ItemDialog sheet={data} item={dialog.item} kind={dialog.kind} open onClose={() => setDialog(null)} onConflict={onConflict} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
