import { UploadOutlined } from '@ant-design/icons';
import { ZReportSaveBody, reportFieldLabels, type TReportDetail } from '@reform/contracts';
import { Alert, Button, Card, Form, Input, InputNumber, List, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, type ApiError } from '@/lib/api-client';
import { ConflictDialog } from '@/lib/conflict-dialog';
import { useSubmit } from '@/lib/use-submit';
import { createZodValidator, type FieldPath } from '@/lib/zod-form';
import { evidenceDownloadUrl, saveReport, submitReport, uploadReportEvidence } from '../api/reports';
import { clearDraft, loadDraft, reportValueKeys, sameValues, storeDraft, valuesOf, type ReportValues } from '../lib/report-draft';
import { EntryForm } from '@/lib/entry-form';

/** Autosave interval: typed text reaches the server within a few seconds. */
export const AUTOSAVE_MS = 3_000;

type SaveState = { kind: 'saved'; at: Date | null } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'failed'; message: string } | { kind: 'conflict' };

const labels = (name: FieldPath) => reportFieldLabels[name[0] as keyof typeof reportFieldLabels];
const validator = createZodValidator(ZReportSaveBody, (values: ReportValues) => ({ version: 1, ...values }), labels);

function indicatorText(state: SaveState): { text: string; color: string } {
  switch (state.kind) {
    case 'saved':
      return { text: state.at ? `已自动保存 ${state.at.toLocaleTimeString('zh-CN', { hour12: false })}` : '已保存', color: 'green' };
    case 'dirty':
      return { text: '有未保存的修改', color: 'orange' };
    case 'saving':
      return { text: '正在保存…', color: 'blue' };
    case 'failed':
      return { text: `未能保存：${state.message}`, color: 'red' };
    case 'conflict':
      return { text: '他人已修改，未保存', color: 'red' };
  }
}

interface ReportFormProps {
  report: TReportDetail;
  /** After a submission or when the latest version should be shown. */
  onChanged: () => Promise<unknown> | void;
}

/**
 * The unit's report form: the fields, saved automatically every few seconds and when the page is
 * left, with a copy in the browser so nothing typed is lost on a session timeout; the evidence;
 * and the submission (the server checks the required fields and the percent once more).
 */
export function ReportForm({ report, onChanged }: ReportFormProps) {
  const [form] = Form.useForm<ReportValues>();
  const versionRef = useRef(report.version);
  const serverValues = useRef(valuesOf(report));
  const inFlight = useRef(false);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const stateRef = useRef(state.kind);
  useEffect(() => {
    stateRef.current = state.kind;
  }, [state.kind]);
  const [conflict, setConflict] = useState<{ current: TReportDetail | null; mine: ReportValues } | null>(null);
  const [restored, setRestored] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const onConflict = (error: ApiError) => {
    setState({ kind: 'conflict' });
    setConflict({ current: (error.body.current as TReportDetail | undefined) ?? null, mine: form.getFieldsValue(true) });
  };
  const { submit, showIssues, errorAlert, pending, setError } = useSubmit({ form, onConflict, labels });

  // A copy typed before a session timeout comes back into the form.
  useEffect(() => {
    const draft = loadDraft(report.id);
    if (!draft) return;
    if (sameValues(draft.values, serverValues.current)) {
      clearDraft(report.id);
      return;
    }
    form.setFieldsValue(draft.values);
    setRestored(true);
    setState({ kind: 'dirty' });
  }, [form, report.id]);

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return false;
    const values = form.getFieldsValue(true) as ReportValues;
    if (sameValues(values, serverValues.current)) {
      setState((s) => (s.kind === 'dirty' ? { kind: 'saved', at: new Date() } : s));
      return true;
    }
    const checked = validator.validate(values);
    if (!checked.data) {
      showIssues(checked.issues);
      setState({ kind: 'failed', message: '请检查标出的字段' });
      return false;
    }
    const changed = Object.fromEntries(reportValueKeys.filter((key) => values[key] !== serverValues.current[key]).map((key) => [key, values[key]]));
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const saved = await saveReport(report.id, { version: versionRef.current, ...changed });
      if (!(saved instanceof Response)) versionRef.current = saved.version;
      serverValues.current = values;
      const now = form.getFieldsValue(true) as ReportValues;
      if (sameValues(now, values)) clearDraft(report.id);
      setState(sameValues(now, values) ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
      setError(null);
      return true;
    } catch (caught) {
      if (isApiError(caught, 409)) onConflict(caught);
      else if (isApiError(caught, 400) && caught.body.fields?.length) {
        showIssues(caught.body.fields.map((f) => ({ name: [f.path], message: f.message })));
        setState({ kind: 'failed', message: '请检查标出的字段' });
      } else setState({ kind: 'failed', message: isApiError(caught) ? caught.message : '网络中断，稍后自动重试' });
      return false;
    } finally {
      inFlight.current = false;
    }
    // onConflict and showIssues are stable enough for an interval; the form instance is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, report.id]);

  // Every few seconds while there are changes.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (stateRef.current === 'dirty' || stateRef.current === 'failed') void save();
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [save]);
  // On leaving the page: one last save that outlives it.
  useEffect(() => {
    const flush = () => {
      if (stateRef.current !== 'dirty') return;
      const values = form.getFieldsValue(true) as ReportValues;
      const changed = Object.fromEntries(reportValueKeys.filter((key) => values[key] !== serverValues.current[key]).map((key) => [key, values[key]]));
      if (Object.keys(changed).length === 0) return;
      void saveReport(report.id, { version: versionRef.current, ...changed }, true).catch(() => undefined);
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [form, report.id]);

  const onValuesChange = () => {
    storeDraft(report.id, form.getFieldsValue(true) as ReportValues, versionRef.current);
    stateRef.current = 'dirty';
    setState({ kind: 'dirty' });
  };

  const onSubmit = async () => {
    if (!(await save())) return;
    await submit(
      () => submitReport(report.id, versionRef.current),
      async () => {
        clearDraft(report.id);
        await onChanged();
      },
    );
  };

  const indicator = indicatorText(state);
  const floor = report.facts.previousAcceptedPercent;
  const percent = Form.useWatch('percentComplete', form);

  return (
    <Card
      title="填报内容"
      size="small"
      extra={
        <Tag color={indicator.color} data-testid="autosave-indicator" role="status" aria-live="polite">
          {indicator.text}
        </Tag>
      }
    >
      {restored && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title="已恢复您上次在本浏览器中未保存的填写内容，将自动保存。"
          data-testid="draft-restored"
        />
      )}
      {report.status === 'returned' && report.reviewComment && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`退回意见：${report.reviewComment}`} data-testid="return-comment" />
      )}
      {errorAlert()}
      <EntryForm form={form} initialValues={valuesOf(report)} onValuesChange={onValuesChange} onFinish={onSubmit}>
        <Form.Item name="progressText" label={reportFieldLabels.progressText} rules={[validator.rule(form, ['progressText'])]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount placeholder="本季度推进了哪些工作（已完成的节点上方已列出，无需重复）" />
        </Form.Item>
        <Form.Item name="outcomesText" label={reportFieldLabels.outcomesText}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="problems" label={reportFieldLabels.problems}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="nextSteps" label={reportFieldLabels.nextSteps}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="percentComplete"
          label={reportFieldLabels.percentComplete}
          extra={floor !== null ? `上期已采纳 ${floor}%，低于此值须说明原因` : '已按上期报告预填'}
          rules={[validator.rule(form, ['percentComplete'])]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
        </Form.Item>
        {floor !== null && typeof percent === 'number' && percent < floor && (
          <Form.Item name="percentReason" label={reportFieldLabels.percentReason} rules={[{ required: true, message: '请说明进度回落的原因' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        )}
        <Form.Item label="佐证材料">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Upload
              showUploadList={false}
              customRequest={async ({ file }) => {
                setUploading(true);
                setUploadError(null);
                try {
                  await uploadReportEvidence(report.task.id, report.id, file as File);
                  await onChanged();
                } catch (caught) {
                  setUploadError(isApiError(caught) ? caught.message : '上传失败，请重试');
                } finally {
                  setUploading(false);
                }
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="report-evidence-upload">
                上传佐证材料
              </Button>
            </Upload>
            {uploadError && <Alert type="error" showIcon title={uploadError} />}
            <EvidenceList report={report} />
          </Space>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="report-submit">
            {report.status === 'returned' ? '修改后重新报送' : '报送'}
          </Button>
          <Button onClick={() => void save()} disabled={state.kind === 'saving'}>
            立即保存
          </Button>
        </Space>
      </EntryForm>
      <ConflictDialog
        open={conflict !== null}
        title="该报告已被他人修改"
        intro="在您填写期间，报告已被他人保存或报送，您的修改尚未保存。"
        explanation="“载入最新版本”放弃您的修改；“保留我的修改”在最新版本上保留您的填写，请检查后再保存。"
        loadLatest={{
          label: '载入最新版本',
          testId: 'conflict-load-latest',
          onClick: () => {
            clearDraft(report.id);
            setConflict(null);
            void onChanged();
          },
        }}
        keepMine={{
          label: '保留我的修改',
          testId: 'conflict-keep-mine',
          onClick: () => {
            const current = conflict?.current;
            if (current) {
              versionRef.current = current.version;
              serverValues.current = valuesOf(current);
            }
            if (conflict) form.setFieldsValue(conflict.mine);
            setConflict(null);
            setState({ kind: 'dirty' });
          },
        }}
      >
        {conflict?.current && (
          <Typography.Paragraph>
            最新版本（{conflict.current.status === 'draft' || conflict.current.status === 'returned' ? '可继续修改' : '已报送，不能再修改'}）工作进展：
            <Typography.Text type="secondary">{conflict.current.progressText || '（空）'}</Typography.Text>
          </Typography.Paragraph>
        )}
      </ConflictDialog>
    </Card>
  );
}

export function EvidenceList({ report }: { report: TReportDetail }) {
  if (report.evidence.length === 0) return <Typography.Text type="secondary">尚未上传佐证材料</Typography.Text>;
  return (
    <List
      size="small"
      bordered
      dataSource={report.evidence}
      data-testid="report-evidence"
      renderItem={(file) => (
        <List.Item>
          <a href={evidenceDownloadUrl(file.id)}>{file.originalName}</a>
          <Typography.Text type="secondary">{file.uploadedBy}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
