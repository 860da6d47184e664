import { ZMilestoneCompleteBody, type TMilestone } from '@reform/contracts';
import { EVIDENCE_MAX_BYTES, evidenceKinds } from '@reform/contracts';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { daysBetween, todayInShanghai } from '@reform/domain';
import { showFieldErrors, zodIssuesToFields } from '@/lib/zod-form';
import { useUploadEvidence } from '../api/evidence';
import { useCompleteMilestone, useReloadOnConflict } from '../api/timetable';

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
  const reload = useReloadOnConflict(taskId);
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useUploadEvidence(taskId);
  const today = todayInShanghai();
  const doneDate = Form.useWatch('doneDate', form) as Dayjs | null | undefined;
  const late = milestone && doneDate ? daysBetween(milestone.dueDate, doneDate.format(DATE)) : 0;

  const submit = async (values: Values) => {
    if (!milestone) return;
    setError(null);
    const body = { version: milestone.version, doneDate: values.doneDate ? values.doneDate.format(DATE) : '', note: values.note ?? '' };
    const parsed = ZMilestoneCompleteBody.safeParse(body);
    if (!parsed.success) {
      showFieldErrors(form, zodIssuesToFields(parsed.error));
      return;
    }
    if (body.doneDate > today) {
      showFieldErrors(form, [{ name: ['doneDate'], message: '完成日期不能晚于今天' }]);
      return;
    }
    try {
      for (const file of files) {
        if (file.status === 'done') continue;
        await upload.mutateAsync({ file: file.originFileObj as File, milestoneId: milestone.id });
        setFiles((list) => list.map((f) => (f.uid === file.uid ? { ...f, status: 'done' } : f)));
      }
      await complete.mutateAsync({ milestoneId: milestone.id, body });
      setFiles([]);
      message.success(`节点「${milestone.name}」已标记完成`);
      onClose();
    } catch (caught) {
      if (isApiError(caught, 409)) {
        reload(caught);
        message.warning('该节点已被他人更新，已载入最新情况');
        onClose();
      } else if (isApiError(caught, 400) && caught.body.fields?.some((f) => f.path === 'doneDate')) {
        showFieldErrors(form, [{ name: ['doneDate'], message: caught.body.fields.find((f) => f.path === 'doneDate')!.message }]);
      } else if (isApiError(caught, 415) || isApiError(caught, 413)) {
        setError(`佐证材料未能上传：${caught.message}。节点尚未标记完成。`);
      } else {
        setError(caught instanceof Error ? caught.message : '提交失败，请重试');
      }
    }
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
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ doneDate: dayjs(today, DATE), note: '' }}
          onFinish={submit}
          preserve={false}
        >
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
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
          <Form.Item label="佐证材料" extra={`${evidenceKinds}，每个不超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`}>
            <Upload
              multiple
              fileList={files}
              beforeUpload={(file) => {
                if (file.size > EVIDENCE_MAX_BYTES) {
                  message.error(`“${file.name}”超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`);
                  return Upload.LIST_IGNORE;
                }
                // Kept in the form and sent on 确认完成, so a cancelled dialog uploads nothing.
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
