import { FieldTimeOutlined } from '@ant-design/icons';
import { REASON_MIN, currentTermEnd, pilotExtensionSchema, taskFieldLabels, type TTaskDetail } from '@reform/contracts';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { createZodValidator } from '@/lib/zod-form';
import { useExtendPilot } from '../api/extend-pilot';
import { DeadlineWithBaseline } from './deadline-with-baseline';
import { useTaskSubmit } from './use-task-submit';
import { EntryForm } from '@/lib/entry-form';

const DATE = 'YYYY-MM-DD';
type Pilot = NonNullable<TTaskDetail['pilot']>;

/** 延期: records the committee's approval of a longer term, for the offices that own the pilot. */
export function PilotExtension({ task }: { task: TTaskDetail }) {
  const [open, setOpen] = useState(false);
  if (!task.permissions.canExtendPilot || !task.pilot) return null;
  return (
    <>
      <Button icon={<FieldTimeOutlined />} onClick={() => setOpen(true)} data-testid="extend-pilot">
        {task.pilot.extendedTo ? '再次延期' : '申请延期'}
      </Button>
      {open && <PilotExtensionModal task={task} pilot={task.pilot} onClose={() => setOpen(false)} />}
    </>
  );
}

interface Values {
  extendedTo: Dayjs | null;
  reason: string;
}

/** Asks for the new end and the reason; nothing changes until the office confirms. */
function PilotExtensionModal({ task, pilot, onClose }: { task: TTaskDetail; pilot: Pilot; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const extend = useExtendPilot(task.id);
  const { message } = App.useApp();
  const { check, submit: send, errorAlert } = useTaskSubmit(task.id, form, onClose);
  const termEnd = currentTermEnd(pilot);
  const chosen = Form.useWatch('extendedTo', form)?.format(DATE);

  const schema = useMemo(() => pilotExtensionSchema(pilot), [pilot]);
  const bodyOf = (values: Values) => ({
    extendedTo: values.extendedTo?.format(DATE) ?? '',
    reason: values.reason ?? '',
    version: task.version,
  });
  // The contract's rules on each field as it is edited, so a message goes once the field is right.
  const validator = createZodValidator(schema, bodyOf);
  const submit = async (values: Values) => {
    const body = bodyOf(values);
    if (!check(schema, body)) return;
    await send(
      () => extend.mutateAsync(body),
      () => {
        message.success(`试点已延期至 ${body.extendedTo}`);
        onClose();
      },
    );
  };

  return (
    <Modal
      open
      title="试点延期"
      okText="确认延期"
      okButtonProps={{ 'data-testid': 'confirm-extension' }}
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={extend.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <EntryForm<Values>
        form={form}
        preserve={false}
        onFinish={submit}
        initialValues={{ extendedTo: null, reason: '' }}
        data-testid="extension-form"
      >
        {errorAlert({ marginBottom: 12 })}
        <Typography.Paragraph>
          <Typography.Text type="secondary">{task.code}</Typography.Text> {task.title}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'term', label: '试点期限', children: `${pilot.termStart} 至 ${pilot.termEnd}` },
            ...(pilot.extendedTo ? [{ key: 'extended', label: '已延期至', children: pilot.extendedTo }] : []),
            { key: 'deadline', label: '完成时限', children: <DeadlineWithBaseline task={task} testId="extension-deadline" /> },
          ]}
        />
        <Alert
          type="info"
          showIcon
          role="note"
          style={{ marginBottom: 12 }}
          title="试点期限原则上为两年；经市委改革委同意后可适当延期。延期后完成时限随之顺延，原基线保留。"
          description={chosen && chosen > task.deadline ? `完成时限将由 ${task.deadline} 顺延至 ${chosen}。` : undefined}
        />
        <Form.Item
          name="extendedTo"
          label={taskFieldLabels['pilot.extendedTo']}
          required
          rules={[validator.rule(form, ['extendedTo'])]}
          extra={`须晚于 ${termEnd}`}
        >
          <DatePicker
            aria-label={taskFieldLabels['pilot.extendedTo']}
            format={DATE}
            style={{ width: '100%' }}
            disabledDate={(day) => day.format(DATE) <= termEnd}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={taskFieldLabels['pilot.extensionReason']}
          required
          rules={[validator.rule(form, ['reason'])]}
          extra={`必填，至少 ${REASON_MIN} 个字；记入变更历史`}
        >
          <Input.TextArea aria-label={taskFieldLabels['pilot.extensionReason']} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </EntryForm>
    </Modal>
  );
}
