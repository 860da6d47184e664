import { ZVersionBody, type TTaskDetail } from '@reform/contracts';
import { App, Form, Modal, Typography } from 'antd';
import { EntryForm } from '@/lib/entry-form';
import { useApproveBaseline } from '../api/timetable';
import { useTaskSubmit } from './use-task-submit';

/**
 * 审定时间表: confirms freezing the baseline. It submits like every task dialog: a refusal is one
 * message here, someone else's change first (409) loads theirs and closes.
 */
export function ApproveBaselineModal({ task, onClose }: { task: TTaskDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const approve = useApproveBaseline(task.id);
  const { message } = App.useApp();
  const { check, submit: send, errorAlert } = useTaskSubmit(task.id, form, onClose, {
    conflictMessage: '任务已被他人修改，已载入最新版本，请核对后重新审定',
  });

  const submit = async () => {
    const body = check(ZVersionBody, { version: task.version });
    if (!body) return;
    await send(
      () => approve.mutateAsync(body.version),
      () => {
        message.success('时间表已审定，基线已冻结');
        onClose();
      },
    );
  };

  return (
    <Modal
      open
      title="审定时间表"
      okText="审定"
      okButtonProps={{ 'data-testid': 'confirm-approve-baseline' }}
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={approve.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <EntryForm form={form} preserve={false} onFinish={submit} data-testid="approve-baseline-form">
        {errorAlert({ marginBottom: 12 })}
        <Typography.Paragraph>审定后基线将冻结，日期调整需提交申请。</Typography.Paragraph>
      </EntryForm>
    </Modal>
  );
}
