import { UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_MAX_BYTES, ZRankingAppealCreate, evidenceKinds, type TRankingPart, type TRankingResponse } from '@reform/contracts';
import { App, Button, Form, Input, Modal, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useSubmit } from '@/lib/use-submit';
import { uploadAppealEvidence, useCreateAppeal } from '../api/rankings';

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
      <Form form={form} layout="vertical" onFinish={send} name="ranking-appeal">
        {errorAlert()}
        <Form.Item name="reason" label="申诉理由" rules={[{ required: true, message: '请填写申诉理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder="如：该节点已于到期日前完成，系录入延误" />
        </Form.Item>
        <Form.Item label="证明材料（可选）" extra={`${evidenceKinds}，不超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB；保存为该任务的佐证材料`}>
          <Upload
            maxCount={1}
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > EVIDENCE_MAX_BYTES) {
                message.error(`“${file.name}”超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`);
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
