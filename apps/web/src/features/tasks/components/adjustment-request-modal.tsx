import { ZAdjustmentCreateBody, type TAdjustmentCreateBody, type TTaskDetail } from '@reform/contracts';
import { App, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useSubmit } from '@/lib/use-submit';
import { useRequestAdjustment } from '../api/timetable';
import { EntryForm } from '@/lib/entry-form';

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
  const undone = [...task.milestones].filter((m) => !m.doneDate).sort((a, b) => a.seq - b.seq);

  // The proposal names rows by position: `milestones.0.dueDate` is the picker of the row it proposes.
  const proposed = useRef<TAdjustmentCreateBody['milestones']>([]);
  const { check, submit: send, showIssues, errorAlert } = useSubmit({
    form,
    toFieldName: (path) => {
      if (path[0] !== 'milestones') return path;
      const row = typeof path[1] === 'number' ? proposed.current?.[path[1]] : undefined;
      return row ? ['dates', String(row.id)] : null;
    },
  });

  const submit = async (values: Values) => {
    const body = toAdjustmentBody(task, values);
    proposed.current = body.milestones;
    if (!body.deadline && body.milestones?.length === 0) {
      showIssues([{ name: [], message: '请至少修改一个节点日期或完成时限' }]);
      return;
    }
    if (!check(ZAdjustmentCreateBody, body)) return;
    await send(
      () => request.mutateAsync(body),
      () => {
        message.success('调整申请已提交，等待改革办审批');
        onClose();
      },
    );
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
      <EntryForm<Values>
        form={form}
        preserve={false}
        onFinish={submit}
        initialValues={{
          reason: '',
          deadline: dayjs(task.deadline, DATE),
          dates: Object.fromEntries(undone.map((m) => [String(m.id), dayjs(m.dueDate, DATE)])),
        }}
        data-testid="adjustment-form"
      >
        {errorAlert({ marginBottom: 12 })}
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
                <Form.Item name={['dates', String(m.id)]} style={{ marginBottom: 0 }}>
                  <DatePicker aria-label={`${m.name} 调整为`} format={DATE} allowClear={false} style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
          ]}
        />
      </EntryForm>
    </Modal>
  );
}
