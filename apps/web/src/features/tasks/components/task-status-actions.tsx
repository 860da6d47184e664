import { CheckCircleOutlined, PauseCircleOutlined, PlayCircleOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import {
  REASON_MIN,
  ZTaskStatusBody,
  statusActionsFrom,
  statusReasonRequired,
  type TTaskDetail,
  type TaskStatusAction,
  type TaskStatusActionKey,
} from '@reform/contracts';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useChangeTaskStatus } from '../api/change-task-status';
import { useTaskSubmit } from './use-task-submit';
import { EntryForm } from '@/lib/entry-form';

const icons: Record<TaskStatusActionKey, ReactNode> = {
  start: <PlayCircleOutlined />,
  suspend: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  complete: <CheckCircleOutlined />,
  reopen: <RedoOutlined />,
  close: <StopOutlined />,
};

const explanations: Record<TaskStatusActionKey, string> = {
  start: '启动后任务进入推进，按时间表计算状态灯。',
  suspend: '暂停期间状态灯为灰色，节点和完成时限不计逾期；恢复推进后重新计算。',
  resume: '恢复后任务重新按时间表计算状态灯。',
  complete: '标记完成后状态灯为灰色，不再计算逾期；经验收后可销号。',
  reopen: '重新推进后任务按时间表计算状态灯。',
  close: '销号后任务不再推进，状态、时间表和节点都不能再改变。请确认该任务已通过验收或确需终止。',
};

const keyOf = (action: TaskStatusAction) => action.key as TaskStatusActionKey;

/** 暂停 / 恢复推进 / 标记完成 / 销号 …: the status changes open to this task, for the offices that own it. */
export function TaskStatusActions({ task }: { task: TTaskDetail }) {
  const [chosen, setChosen] = useState<TaskStatusAction | null>(null);
  if (!task.permissions.canChangeStatus) return null;
  return (
    <>
      <Space wrap>
        {statusActionsFrom(task.status).map((action) => (
          <Button
            key={action.key}
            icon={icons[keyOf(action)]}
            danger={action.key === 'close'}
            onClick={() => setChosen(action)}
            data-testid={`status-${action.key}`}
          >
            {action.label}
          </Button>
        ))}
      </Space>
      {chosen && <TaskStatusModal task={task} action={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}

interface Values {
  reason: string;
}

/** Asks for the reason and confirms: nothing changes until the office confirms here. */
function TaskStatusModal({ task, action, onClose }: { task: TTaskDetail; action: TaskStatusAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangeTaskStatus(task.id);
  const { message } = App.useApp();
  const { check, submit: send, errorAlert } = useTaskSubmit(task.id, form, onClose);
  const required = statusReasonRequired[action.to] !== undefined;
  const undone = task.milestones.filter((m) => m.doneDate === null).length;
  const key = keyOf(action);

  const submit = async (values: Values) => {
    const body = { status: action.to, reason: values.reason ?? '', version: task.version };
    if (!check(ZTaskStatusBody, body)) return;
    await send(
      () => change.mutateAsync(body),
      () => {
        message.success(`已${action.label}`);
        onClose();
      },
    );
  };

  return (
    <Modal
      open
      title={action.historyLabel}
      okText={`确认${action.label}`}
      okButtonProps={{ danger: key === 'close' || key === 'suspend', 'data-testid': 'confirm-status' }}
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <EntryForm<Values> form={form} preserve={false} onFinish={submit} initialValues={{ reason: '' }} data-testid="status-form">
        {errorAlert({ marginBottom: 12 })}
        <Typography.Paragraph>
          <Typography.Text type="secondary">{task.code}</Typography.Text> {task.title}
        </Typography.Paragraph>
        <Alert type={key === 'close' ? 'warning' : 'info'} showIcon role="note" title={explanations[key]} style={{ marginBottom: 12 }} />
        {key === 'close' && task.pendingAdjustmentId !== null && (
          <Alert type="warning" showIcon role="note" title="该任务有待审的调整申请，销号时将一并驳回" style={{ marginBottom: 12 }} />
        )}
        {key === 'complete' && undone > 0 && (
          <Alert type="warning" showIcon role="note" title={`尚有 ${undone} 个时间节点未标记完成`} style={{ marginBottom: 12 }} />
        )}
        <Form.Item
          name="reason"
          label={action.reasonLabel}
          required={required}
          extra={required ? `必填，至少 ${REASON_MIN} 个字；记入变更历史` : '选填；记入变更历史'}
        >
          <Input.TextArea aria-label={action.reasonLabel} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </EntryForm>
    </Modal>
  );
}
