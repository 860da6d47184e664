import { ZRankingAppealDecision, rankingAppealStatusLabels, rankingGroupLabels, type TRankingAppeal } from '@reform/contracts';
import { formatDateTime, quarterLabel } from '@reform/domain';
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Radio, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useSubmit } from '@/lib/use-submit';
import { useAppeals, useDecideAppeal } from '../api/rankings';
import { EntryForm } from '@/lib/entry-form';

const statusColor = { pending: 'orange', accepted: 'green', refused: 'default' } as const;

function DecisionDialog({ appeal, onClose }: { appeal: TRankingAppeal | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'accept' | 'refuse'; override: 'exclude' | 'correct'; reason: string }>();
  const decide = useDecideAppeal();
  const decision = Form.useWatch('decision', form);
  const { check, submit, errorAlert, pending } = useSubmit({ form, onConflict: (error) => { message.error(error.message); onClose(); } });
  const send = async (values: { decision: 'accept' | 'refuse'; override: 'exclude' | 'correct'; reason?: string }) => {
    if (!appeal) return;
    const body =
      values.decision === 'accept'
        ? { decision: 'accept' as const, override: values.override, reason: values.reason ?? '', version: appeal.version }
        : { decision: 'refuse' as const, reason: values.reason ?? '', version: appeal.version };
    if (!check(ZRankingAppealDecision, body)) return;
    await submit(
      () => decide.mutateAsync({ id: appeal.id, body }),
      () => {
        message.success(values.decision === 'accept' ? '已采纳，排名已重新计算并发布为新版本' : '已不予采纳');
        onClose();
      },
    );
  };
  return (
    <Modal title="处理申诉" open={appeal !== null} onCancel={onClose} onOk={() => form.submit()} okText="确认处理" cancelText="取消" confirmLoading={pending} destroyOnHidden>
      <Typography.Paragraph>
        {appeal?.unit.name}：{appeal?.factText}
      </Typography.Paragraph>
      <EntryForm form={form} onFinish={send} initialValues={{ decision: 'accept', override: 'exclude' }} name="appeal-decision">
        {errorAlert()}
        <Form.Item name="decision" label="处理结果">
          <Radio.Group options={[{ value: 'accept', label: '采纳' }, { value: 'refuse', label: '不采纳' }]} />
        </Form.Item>
        {decision !== 'refuse' && (
          <Form.Item name="override" label="对该事实" extra="采纳后，含该事实的已发布排名将重新计算并发布为新版本，原版本保留可查。">
            <Radio.Group options={[{ value: 'exclude', label: '剔除（不再计分）' }, { value: 'correct', label: '更正为达标' }]} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={decision === 'refuse' ? '不采纳理由' : '说明（可选）'} rules={decision === 'refuse' ? [{ required: true, message: '请填写不采纳理由' }] : []}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </EntryForm>
    </Modal>
  );
}

/** The appeals: the office reviews them (采纳 / 不采纳), a unit follows its own. */
export function AppealsCard({ canDecide }: { canDecide: boolean }) {
  const appeals = useAppeals();
  const [filter, setFilter] = useState<'all' | TRankingAppeal['status']>(canDecide ? 'pending' : 'all');
  const [deciding, setDeciding] = useState<TRankingAppeal | null>(null);
  const items = (appeals.data?.items ?? []).filter((appeal) => filter === 'all' || appeal.status === filter);
  return (
    <Card
      title={canDecide ? '申诉审核' : '本单位的申诉'}
      data-testid="ranking-appeals"
      extra={
        <Segmented
          size="small"
          value={filter}
          onChange={(value) => setFilter(value as typeof filter)}
          options={[{ value: 'pending', label: '待处理' }, { value: 'accepted', label: '已采纳' }, { value: 'refused', label: '未采纳' }, { value: 'all', label: '全部' }]}
        />
      }
    >
      {appeals.isError ? (
        <ErrorState error={appeals.error} onRetry={() => appeals.refetch()} title="申诉加载失败" />
      ) : (
        <List
          loading={appeals.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无申诉" /> }}
          pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(appeal) => (
            <List.Item
              data-testid={`appeal-${appeal.id}`}
              actions={
                canDecide && appeal.status === 'pending'
                  ? [
                      <Button key="decide" type="primary" size="small" onClick={() => setDeciding(appeal)}>
                        处理
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Tag color={statusColor[appeal.status]}>{rankingAppealStatusLabels[appeal.status]}</Tag>
                  <Typography.Text strong>{appeal.unit.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {rankingGroupLabels[appeal.group]} · {quarterLabel({ year: appeal.year, quarter: appeal.quarter as 1 | 2 | 3 | 4 })}
                    {appeal.yearToDate ? '（年度累计）' : ''} · 第 {appeal.rankingVersion} 版
                  </Typography.Text>
                </Flex>
                <Link to={`/tasks/${appeal.taskId}`} style={{ wordBreak: 'break-all' }}>
                  {appeal.factText}
                </Link>
                <Typography.Text style={{ wordBreak: 'break-all' }}>理由：{appeal.reason}</Typography.Text>
                {appeal.evidence && (
                  <a href={`/api/evidence/${appeal.evidence.id}/download`}>证明材料：{appeal.evidence.name}</a>
                )}
                {appeal.status !== 'pending' && (
                  <Typography.Text type="secondary">
                    {appeal.status === 'accepted' ? (appeal.override === 'exclude' ? '已剔除该事实' : '已更正为达标') : '不予采纳'}
                    {appeal.decisionReason ? `：${appeal.decisionReason}` : ''}
                    {appeal.decidedAt ? `（${formatDateTime(appeal.decidedAt)}）` : ''}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {appeal.requestedBy} 提交于 {formatDateTime(appeal.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <DecisionDialog appeal={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
