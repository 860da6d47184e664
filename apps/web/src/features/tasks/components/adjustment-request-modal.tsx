import { ZAdjustmentCreateBody, type TAdjustmentCreateBody, type TTaskDetail } from '@reform/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { pathToName, showFieldErrors, zodIssuesToFields } from '@/lib/zod-form';
import { useRequestAdjustment } from '../api/timetable';

const DATE = 'YYYY-MM-DD';

interface Values {
  reason: string;
  deadline: Dayjs | null;
  dates: Record<string, Dayjs | null>;
}

interface AdjustmentRequestModalProps {
  task: TTaskDetail;
  open: boolean;
  onClose: () => void;
}

/** The proposal: only the dates that differ from the current ones. */
export function toAdjustmentBody(task: TTaskDetail, values: Values): TAdjustmentCreateBody {
  const deadline = values.deadline?.format(DATE);
  const milestones = task.milestones
    .filter((m) => !m.doneDate)
    .flatMap((m) => {
      const to = values.dates?.[String(m.id)]?.format(DATE);
      return to && to !== m.dueDate ? [{ id: m.id, dueDate: to }] : [];
    });
  return {
    reason: values.reason ?? '',
    ...(deadline && deadline !== task.deadline ? { deadline } : {}),
    milestones,
  };
}

const baselineNote = (task: TTaskDetail) =>
  task.baselineDeadline && task.baselineDeadline !== task.deadline ? `，基线 ${task.baselineDeadline}` : '';

/** 申请调整: reason, new dates per undone milestone and/or a new deadline, for the reform office to decide. */
export function AdjustmentRequestModal({ task, open, onClose }: AdjustmentRequestModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestAdjustment(task.id);
  const [error, setError] = useState<string | null>(null);
  const undone = [...task.milestones].filter((m) => !m.doneDate).sort((a, b) => a.seq - b.seq);

  const submit = async (values: Values) => {
    setError(null);
    const body = toAdjustmentBody(task, values);
    const parsed = ZAdjustmentCreateBody.safeParse(body);
    if (!parsed.success) {
      const issues = zodIssuesToFields(parsed.error);
      const onReason = issues.filter((issue) => issue.name[0] === 'reason');
      showFieldErrors(form, onReason);
      const rest = issues.filter((issue) => issue.name[0] !== 'reason');
      if (rest.length > 0) setError(rest[0]!.name.length === 0 ? '请至少修改一个节点日期或完成时限' : rest[0]!.message);
      return;
    }
    try {
      await request.mutateAsync(body);
      message.success('调整申请已提交，等待改革办审批');
      onClose();
    } catch (caught) {
      if (isApiError(caught, 400) && caught.body.fields?.length) {
        const reason = caught.body.fields.filter((f) => f.path === 'reason');
        showFieldErrors(form, reason.map((f) => ({ name: pathToName(f.path), message: f.message })));
        const others = caught.body.fields.filter((f) => f.path !== 'reason').map((f) => f.message);
        setError([caught.message, ...others].join('；'));
      } else setError(caught instanceof Error ? caught.message : '提交失败，请重试');
    }
  };

  return (
    <Modal
      open={open}
      title="申请调整时间表"
      okText="提交申请"
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{
          reason: '',
          deadline: dayjs(task.deadline, DATE),
          dates: Object.fromEntries(undone.map((m) => [String(m.id), dayjs(m.dueDate, DATE)])),
        }}
        data-testid="adjustment-form"
      >
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">
          时间表已审定，调整日期须经改革办同意。只修改需要调整的日期，其余保持不变。
        </Typography.Paragraph>
        <Form.Item name="reason" label="调整理由" required>
          <Input.TextArea aria-label="调整理由" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="deadline" label={`完成时限（现为 ${task.deadline}${baselineNote(task)}）`}>
          <DatePicker aria-label="新的完成时限" format={DATE} style={{ width: 200 }} allowClear={false} />
        </Form.Item>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={undone}
          locale={{ emptyText: '没有未完成的节点' }}
          columns={[
            { title: '节点', dataIndex: 'name' },
            { title: '现计划日期', dataIndex: 'dueDate', width: 120 },
            {
              title: '调整为',
              key: 'to',
              width: 180,
              render: (_, m) => (
                <Form.Item name={['dates', String(m.id)]} noStyle>
                  <DatePicker aria-label={`${m.name} 调整为`} format={DATE} allowClear={false} style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
