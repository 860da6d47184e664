import type { TReportDetail } from '@reform/contracts';
import { Alert, Button, Form, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { acceptReport, returnReport } from '../api/reports';
import { EntryForm } from '@/lib/entry-form';

/** True while the user types in a field: single-key shortcuts stay out of the way. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * 采纳 / 退回 for a submitted report, by mouse or keyboard (A asks to confirm, with the confirm
 * button focused so Enter accepts; R opens the return dialog, its required comment focused;
 * Ctrl+Enter sends it).
 */
export function ReviewActions({
  report,
  onDone,
}: {
  report: Pick<TReportDetail, 'id' | 'version' | 'percentComplete'>;
  onDone: (next: TReportDetail) => Promise<unknown> | void;
}) {
  const [returning, setReturning] = useState(false);
  const [confirmAccept, setConfirmAccept] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const { submit, errorAlert, pending } = useSubmit({ form, labels: () => '退回意见' });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey || returning || confirmAccept) return;
      if (event.key === 'a' || event.key === 'A') {
        event.preventDefault();
        setConfirmAccept(true);
      } else if (event.key === 'r' || event.key === 'R') {
        event.preventDefault();
        setReturning(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [returning, confirmAccept]);

  const accept = async () => {
    setAccepting(true);
    setAcceptError(null);
    try {
      const next = await acceptReport(report.id, report.version);
      setConfirmAccept(false);
      await onDone(next);
    } catch (caught) {
      setAcceptError(isApiError(caught) ? caught.message : '操作失败，请重试');
    } finally {
      setAccepting(false);
    }
  };

  return (
    <>
      <Space wrap>
        <Button type="primary" onClick={() => setConfirmAccept(true)} data-testid="review-accept" aria-keyshortcuts="A">
          采纳（A）
        </Button>
        <Button danger onClick={() => setReturning(true)} data-testid="review-return" aria-keyshortcuts="R">
          退回（R）
        </Button>
      </Space>
      <Modal
        open={confirmAccept}
        title="采纳该报告？"
        okText="采纳"
        cancelText="取消"
        onOk={accept}
        confirmLoading={accepting}
        onCancel={() => setConfirmAccept(false)}
        okButtonProps={{ 'data-testid': 'review-accept-confirm', autoFocus: true } as ButtonProps}
      >
        {acceptError && <Alert type="error" showIcon title={acceptError} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>采纳后报告不能再修改，任务进度将更新为 {report.percentComplete}%。</Typography.Paragraph>
      </Modal>
      <Modal
        open={returning}
        title="退回报告"
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, 'data-testid': 'review-return-confirm' } as ButtonProps}
        confirmLoading={pending}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <EntryForm
          form={form}
          onFinish={(values) =>
            submit(
              () => returnReport(report.id, report.version, values.comment ?? ''),
              async (next) => {
                setReturning(false);
                form.resetFields();
                await onDone(next);
              },
            )
          }
        >
          {errorAlert()}
          <Form.Item name="comment" label="退回意见" rules={[{ required: true, whitespace: true, message: '请填写退回意见' }]}>
            <Input.TextArea
              autoFocus
              autoSize={{ minRows: 3 }}
              maxLength={2000}
              data-testid="review-comment"
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
              }}
            />
          </Form.Item>
        </EntryForm>
      </Modal>
    </>
  );
}
