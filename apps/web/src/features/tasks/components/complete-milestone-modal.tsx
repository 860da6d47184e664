import { ZMilestoneCompleteBody, type TMilestone } from '@reform/contracts';

import { App, DatePicker, Form, Input, Modal, Typography, type UploadFile } from 'antd';
import { EvidencePicker, evidenceHint } from '@/components/evidence-picker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { daysBetween, todayInShanghai } from '@reform/domain';
import { useUploadEvidence } from '../api/evidence';
import { useCompleteMilestone } from '../api/timetable';
import { useTaskSubmit } from './use-task-submit';
import { EntryForm } from '@/lib/entry-form';

const DATE = 'YYYY-MM-DD';

interface Values {
  doneDate: Dayjs | null;
  note: string;
}

interface CompleteMilestoneModalProps {
  taskId: number;
  milestone: TMilestone | null;
  onClose: () => void;
}

/**
 * 标记完成: the done date (today at the latest, today by default), a note and evidence files.
 * The files are uploaded first; the milestone is marked done only when every file was accepted.
 */
export function CompleteMilestoneModal({ taskId, milestone, onClose }: CompleteMilestoneModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const complete = useCompleteMilestone(taskId);
  const { check, submit: send, showIssues, errorAlert } = useTaskSubmit(taskId, form, onClose, {
    conflictMessage: '该节点已被他人更新，已载入最新情况',
    // An upload refused for its size or type: nothing was marked done.
    describe: (error) =>
      error.status === 413 || error.status === 415 ? `佐证材料未能上传：${error.message}。节点尚未标记完成。` : undefined,
  });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useUploadEvidence(taskId);
  const today = todayInShanghai();
  const doneDate = Form.useWatch('doneDate', form) as Dayjs | null | undefined;
  const late = milestone && doneDate ? daysBetween(milestone.dueDate, doneDate.format(DATE)) : 0;

  const submit = async (values: Values) => {
    if (!milestone) return;
    const body = { version: milestone.version, doneDate: values.doneDate ? values.doneDate.format(DATE) : '', note: values.note ?? '' };
    if (!check(ZMilestoneCompleteBody, body)) return;
    if (body.doneDate > today) {
      showIssues([{ name: ['doneDate'], message: '完成日期不能晚于今天' }]);
      return;
    }
    await send(
      async () => {
        for (const file of files) {
          if (file.status === 'done') continue;
          await upload.mutateAsync({ file: file.originFileObj as File, milestoneId: milestone.id });
          setFiles((list) => list.map((f) => (f.uid === file.uid ? { ...f, status: 'done' } : f)));
        }
        await complete.mutateAsync({ milestoneId: milestone.id, body });
      },
      () => {
        setFiles([]);
        message.success(`节点「${milestone.name}」已标记完成`);
        onClose();
      },
    );
  };

  return (
    <Modal
      open={milestone !== null}
      title={milestone ? `标记完成：${milestone.name}` : '标记完成'}
      okText="确认完成"
      onOk={() => form.submit()}
      confirmLoading={complete.isPending || upload.isPending}
      onCancel={() => {
        setFiles([]);
        onClose();
      }}
      destroyOnHidden
    >
      {milestone && (
        <EntryForm<Values>
          form={form}
          initialValues={{ doneDate: dayjs(today, DATE), note: '' }}
          onFinish={submit}
          preserve={false}
        >
          {errorAlert({ marginBottom: 12 })}
          <Typography.Paragraph type="secondary">计划完成日期：{milestone.dueDate}</Typography.Paragraph>
          <Form.Item
            name="doneDate"
            label="完成日期"
            extra={late > 0 ? <Typography.Text type="danger">将记为逾期完成 {late} 天</Typography.Text> : undefined}
          >
            <DatePicker
              format={DATE}
              style={{ width: '100%' }}
              allowClear={false}
              disabledDate={(date) => date.format(DATE) > today}
            />
          </Form.Item>
          <Form.Item name="note" label="完成情况说明">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder="如：已印发实施细则（文号）" />
          </Form.Item>
          <Form.Item label="佐证材料" extra={evidenceHint()}>
            <EvidencePicker files={files} onChange={setFiles} />
          </Form.Item>
        </EntryForm>
      )}
    </Modal>
  );
}
