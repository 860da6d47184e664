import { ZRankingAppealCreate, type TRankingPart, type TRankingResponse } from '@reform/contracts';
import { App, Form, Input, Modal, Typography, type UploadFile } from 'antd';
import { EvidencePicker, evidenceHint } from '@/components/evidence-picker';
import { useState } from 'react';
import { useSubmit } from '@/lib/use-submit';
import { uploadAppealEvidence, useCreateAppeal } from '../api/rankings';
import { EntryForm } from '@/lib/entry-form';

interface Props {
  ranking: TRankingResponse;
  fact: TRankingPart['facts'][number] | null;
  onClose: () => void;
}

/** 申诉: a unit disputes one fact of its own row with a reason and, optionally, one evidence file (stored with the task's evidence). */
export function AppealDialog({ ranking, fact, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const create = useCreateAppeal();
  const { check, submit, errorAlert, pending } = useSubmit({ form });

  const send = async ({ reason }: { reason: string }) => {
    if (!fact || ranking.version === null) return;
    const body = { group: ranking.group, year: ranking.year, quarter: ranking.quarter, yearToDate: ranking.yearToDate, version: ranking.version, factKey: fact.key, reason: reason ?? '' };
    if (!check(ZRankingAppealCreate, body)) return;
    await submit(
      async () => {
        const file = files[0]?.originFileObj as File | undefined;
        const evidence = file ? await uploadAppealEvidence(fact.taskId, file) : null;
        return create.mutateAsync({ ...body, ...(evidence ? { evidenceFileId: evidence.id } : {}) });
      },
      () => {
        message.success('申诉已提交，等待市委改革办处理');
        form.resetFields();
        setFiles([]);
        onClose();
      },
    );
  };

  return (
    <Modal title="对该事实提出申诉" open={fact !== null} onCancel={onClose} okText="提交申诉" cancelText="取消" onOk={() => form.submit()} confirmLoading={pending} destroyOnHidden>
      <Typography.Paragraph>
        事实：<Typography.Text strong>{fact?.text}</Typography.Text>
      </Typography.Paragraph>
      <EntryForm form={form} onFinish={send} name="ranking-appeal">
        {errorAlert()}
        <Form.Item name="reason" label="申诉理由" rules={[{ required: true, message: '请填写申诉理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder="如：该节点已于到期日前完成，系录入延误" />
        </Form.Item>
        <Form.Item label="证明材料（可选）" extra={`${evidenceHint(false)}；保存为该任务的佐证材料`}>
          <EvidencePicker files={files} onChange={setFiles} single />
        </Form.Item>
      </EntryForm>
    </Modal>
  );
}
