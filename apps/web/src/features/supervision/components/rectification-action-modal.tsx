import { RectificationStatusEnum, ZRectificationCloseBody, ZRectificationReopenBody, ZRectificationRespondBody, rectificationActionLabels, type RectificationAction, type TRectification } from '@reform/contracts';
import { App, Descriptions, Form, Input, Modal, Typography, type UploadFile } from 'antd';
import { EvidencePicker, evidenceHint } from '@/components/evidence-picker';
import { useState } from 'react';
import type { z } from 'zod';
import { ConflictDialog } from '@/lib/conflict-dialog';
import type { ApiError } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { uploadRectificationEvidence, useRectificationAction } from '../api/supervision';
import { EntryForm } from '@/lib/entry-form';
import { EvidenceLinks } from './evidence-links';

interface Values {
  text: string;
}

const texts: Record<RectificationAction, { field: 'note' | 'reason'; label: string; ok: string; confirm: string; done: string }> = {
  respond: { field: 'note', label: '整改情况', ok: '提交反馈', confirm: '提交后等待督察单位销号，确定提交整改情况吗？', done: '整改情况已反馈' },
  close: { field: 'note', label: '销号意见', ok: '确认销号', confirm: '销号后该整改事项即告完成，确定销号吗？', done: '整改事项已销号' },
  reopen: { field: 'reason', label: '重新打开原因', ok: '重新打开', confirm: '重新打开后责任单位须再次整改，确定重新打开吗？', done: '整改事项已重新打开' },
};

const schemas: Record<RectificationAction, z.ZodType> = {
  respond: ZRectificationRespondBody,
  close: ZRectificationCloseBody,
  reopen: ZRectificationReopenBody,
};

/**
 * 反馈整改情况 / 销号 / 重新打开: one dialog, the text the action needs (and, for a response,
 * evidence files), a confirmation before sending; someone acting first opens the conflict dialog.
 */
export function RectificationActionModal({ item, action, onClose }: { item: TRectification; action: RectificationAction; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(item.version);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [conflict, setConflict] = useState<TRectification | null>(null);
  const act = useRectificationAction();
  const text = texts[action];
  const { check, submit, errorAlert, pending, setError } = useSubmit({
    form,
    toFieldName: (path) => (path[0] === text.field ? ['text'] : path),
    onConflict: (error: ApiError) => {
      const current = error.body.current as TRectification | undefined;
      if (current) setConflict(current);
      else setError(error.message);
    },
  });

  const send = async (values: Values) => {
    const body = { version, [text.field]: values.text ?? '' };
    if (!check(schemas[action], body)) return;
    const confirmed = await modal.confirm({ title: rectificationActionLabels[action], content: text.confirm, okText: text.ok, cancelText: '取消' });
    if (!confirmed) return;
    await submit(
      async () => {
        // Evidence first: a failed upload leaves the item as it was.
        for (const file of files) {
          if (file.originFileObj) await uploadRectificationEvidence(item.id, file.originFileObj);
        }
        return act.mutateAsync({ id: item.id, action, body });
      },
      () => {
        message.success(text.done);
        onClose();
      },
    );
  };

  return (
    <>
      <Modal
        open
        title={`${rectificationActionLabels[action]}：${item.description.slice(0, 30)}`}
        okText={text.ok}
        cancelText="取消"
        onOk={() => form.submit()}
        confirmLoading={pending}
        onCancel={onClose}
        destroyOnHidden
        width={640}
      >
        <EntryForm<Values> form={form} onFinish={send} initialValues={{ text: '' }} data-testid="rectification-action-form">
          {errorAlert({ marginBottom: 12 })}
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="整改事项">{item.description}</Descriptions.Item>
            <Descriptions.Item label="责任单位">{item.ownerUnit.name}</Descriptions.Item>
            <Descriptions.Item label="整改期限">{item.deadline}</Descriptions.Item>
            {item.responseNote && <Descriptions.Item label="整改情况">{item.responseNote}</Descriptions.Item>}
            {item.evidence.length > 0 && (
              <Descriptions.Item label="已有佐证">
                <EvidenceLinks files={item.evidence} />
              </Descriptions.Item>
            )}
          </Descriptions>
          <Form.Item name="text" label={text.label} required>
            <Input.TextArea aria-label={text.label} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
          {action === 'respond' && (
            <Form.Item label="佐证材料" extra={evidenceHint()}>
              <EvidencePicker files={files} onChange={setFiles} />
            </Form.Item>
          )}
        </EntryForm>
      </Modal>
      <ConflictDialog
        open={conflict !== null}
        title="该整改事项已被他人处理"
        intro="您提交之前，已有人处理了该整改事项，您的操作未保存。"
        explanation="可以查看最新状态后关闭，或在最新版本上继续您的操作。"
        loadLatest={{ label: '查看最新状态', testId: 'conflict-load-latest', onClick: () => { setConflict(null); onClose(); } }}
        keepMine={{
          label: '在最新版本上继续',
          testId: 'conflict-keep-mine',
          onClick: () => {
            if (conflict) setVersion(conflict.version);
            setConflict(null);
          },
        }}
        primary="loadLatest"
        width={560}
      >
        {conflict && (
          <Typography.Paragraph>
            当前状态：{RectificationStatusEnum.labels[conflict.status]}（版本 {conflict.version}）
            {conflict.responseNote && `；整改情况：${conflict.responseNote}`}
            {conflict.closingNote && `；销号意见：${conflict.closingNote}`}
          </Typography.Paragraph>
        )}
      </ConflictDialog>
    </>
  );
}
