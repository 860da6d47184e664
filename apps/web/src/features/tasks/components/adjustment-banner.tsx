import { ZAdjustmentDecisionBody, type TAdjustment } from '@reform/contracts';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@reform/domain';
import { useDecideAdjustment } from '../api/timetable';
import { describeChange } from '../lib/timetable';
import { useTaskSubmit } from './use-task-submit';
import { EntryForm } from '@/lib/entry-form';

interface AdjustmentBannerProps {
  taskId: number;
  adjustment: TAdjustment;
  canDecide: boolean;
}

type Decision = 'approve' | 'refuse';

/** A pending adjustment: what is proposed (from → to), and, for the office, 同意 / 不同意. */
export function AdjustmentBanner({ taskId, adjustment, canDecide }: AdjustmentBannerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const decide = useDecideAdjustment(taskId);
  const { check, submit: send, errorAlert } = useTaskSubmit(taskId, form, () => setDeciding(null), {
    conflictMessage: '该申请已被他人处理或更新，已载入最新情况',
  });

  const submit = async ({ comment }: { comment: string }) => {
    if (!deciding) return;
    const body = { version: adjustment.version, decision: deciding, comment: comment ?? '' };
    if (!check(ZAdjustmentDecisionBody, body)) return;
    await send(
      () => decide.mutateAsync({ adjustmentId: adjustment.id, body }),
      () => {
        message.success(deciding === 'approve' ? '已同意调整，时间表已更新' : '已退回调整申请');
        setDeciding(null);
      },
    );
  };

  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="pending-adjustment"
        title={`待审批的调整申请 · ${adjustment.requestedBy.displayName}（${adjustment.requestedBy.unitName}）于 ${formatDateTime(adjustment.createdAt)} 提交`}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>理由：{adjustment.reason}</Typography.Paragraph>
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="proposed-changes">
              {adjustment.proposed.deadline && (
                <li>完成时限：{describeChange(adjustment.proposed.deadline.from, adjustment.proposed.deadline.to)}</li>
              )}
              {adjustment.proposed.milestones.map((m) => (
                <li key={m.id}>
                  {m.name}：{describeChange(m.from, m.to)}
                </li>
              ))}
            </ul>
          </>
        }
        action={
          canDecide && (
            <Space orientation="vertical" size={8}>
              <Button type="primary" size="small" onClick={() => setDeciding('approve')} data-testid="approve-adjustment">
                同意
              </Button>
              <Button danger size="small" onClick={() => setDeciding('refuse')} data-testid="refuse-adjustment">
                不同意
              </Button>
            </Space>
          )
        }
      />
      <Modal
        open={deciding !== null}
        title={deciding === 'approve' ? '同意调整申请' : '不同意调整申请'}
        okText={deciding === 'approve' ? '同意' : '不同意'}
        okButtonProps={{ danger: deciding === 'refuse', 'data-testid': 'confirm-decision' } as { danger: boolean }}
        onOk={() => form.submit()}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <EntryForm form={form} preserve={false} onFinish={submit} initialValues={{ comment: '' }}>
          {errorAlert({ marginBottom: 12 })}
          <Typography.Paragraph type="secondary">
            {deciding === 'approve'
              ? '同意后，节点的当前日期改为申请的日期；审定时的基线保留，用于对照。'
              : '不同意时请说明理由，申请单位将看到您的意见。'}
          </Typography.Paragraph>
          <Form.Item name="comment" label={deciding === 'refuse' ? '不同意的理由' : '审批意见（可选）'} required={deciding === 'refuse'}>
            <Input.TextArea aria-label="审批意见" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </EntryForm>
      </Modal>
    </>
  );
}
