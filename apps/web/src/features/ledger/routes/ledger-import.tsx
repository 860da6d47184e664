import { InboxOutlined } from '@ant-design/icons';
import { TaskListEnum, type TaskList, type TLedgerCheckResult, type TLedgerField, type TLedgerImportResult, type TLedgerMapping } from '@reform/contracts';
import { Alert, App, Breadcrumb, Button, Card, Flex, Progress, Result, Select, Skeleton, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan, useUser } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { useCheckLedger } from '../api/check-ledger';
import { useImportLedger } from '../api/import-ledger';
import { LedgerCheckView } from '../components/ledger-check-view';
import { enumOptions } from '@/lib/enum-options';

type Phase = 'idle' | 'uploading' | 'checking';

const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** 导入台账: upload an .xlsx, check it (dry run), map unknown columns, then import all rows or none. */
export function LedgerImportRoute() {
  usePageTitle('导入台账');
  const { message } = App.useApp();
  const user = useUser();
  const mayImport = useCan('ledger:import');
  const check = useCheckLedger();
  const importer = useImportLedger();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<TLedgerMapping>({});
  const [list, setList] = useState<TaskList | undefined>(undefined);
  const [result, setResult] = useState<TLedgerCheckResult | null>(null);
  const [imported, setImported] = useState<TLedgerImportResult | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const busy = phase !== 'idle';

  const onProgress = (percent: number) => {
    setProgress(percent);
    if (percent >= 100) setPhase('checking');
  };

  const runCheck = async (next: { file: File; mapping: TLedgerMapping; list: TaskList | undefined }) => {
    setError(null);
    setPhase('uploading');
    setProgress(0);
    try {
      const outcome = await check.mutateAsync({ ...next, onProgress });
      if (outcome.kind !== 'imported') setResult(outcome.result);
    } catch (caught) {
      setResult(null);
      setError(caught instanceof Error ? caught.message : '校验失败，请重试');
    } finally {
      setPhase('idle');
    }
  };

  const choose = (chosen: File) => {
    setFile(chosen);
    setMapping({});
    setImported(null);
    void runCheck({ file: chosen, mapping: {}, list });
  };

  const map = (index: number, field: TLedgerField | null) => {
    const next = { ...mapping, [String(index)]: field };
    setMapping(next);
    if (file) void runCheck({ file, mapping: next, list });
  };

  const chooseList = (value: TaskList | undefined) => {
    setList(value);
    if (file) void runCheck({ file, mapping, list: value });
  };

  const runImport = async () => {
    if (!file) return;
    setError(null);
    setPhase('uploading');
    setProgress(0);
    try {
      const outcome = await importer.mutateAsync({ file, mapping, list, onProgress });
      if (outcome.kind === 'imported') {
        setImported(outcome.result);
        message.success(`已导入 ${outcome.result.imported} 项任务`);
      } else {
        setResult(outcome.result);
        message.error('台账中有问题，未导入任何任务');
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '导入失败，请重试');
    } finally {
      setPhase('idle');
    }
  };

  if (user.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  const breadcrumb = <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/tasks">任务清单</Link> }, { title: '导入台账' }]} />;

  if (!mayImport) {
    return (
      <>
        {breadcrumb}
        <Card>
          <Result status="403" title="您无权导入台账" subTitle="台账由市委改革办和县（市、区）改革办导入。" />
        </Card>
      </>
    );
  }

  if (imported) {
    return (
      <>
        {breadcrumb}
        <Card>
          <Result
            status="success"
            title={`已导入 ${imported.imported} 项任务`}
            subTitle={
              imported.codes.length > 0 ? `任务编号 ${imported.codes[0]}${imported.codes.length > 1 ? ` 至 ${imported.codes.at(-1)}` : ''}` : undefined
            }
            extra={[
              <Link key="list" to="/tasks">
                <Button type="primary">查看任务清单</Button>
              </Link>,
              <Button
                key="again"
                onClick={() => {
                  setImported(null);
                  setFile(null);
                  setResult(null);
                  setMapping({});
                }}
              >
                继续导入
              </Button>,
            ]}
          />
        </Card>
      </>
    );
  }

  const canImport = !!result && result.errors.length === 0 && result.valid > 0 && !busy;

  return (
    <>
      {breadcrumb}
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>导入台账</Typography.Title>}>
        <Typography.Paragraph type="secondary">
          {'上传 Excel 台账（.xlsx），系统先逐行校验并列出全部问题；没有问题时才能确认导入，全部导入或全部不导入。'}
          能识别「改革任务」「牵头单位」「完成时限」「清单类别」「配合单位」「领衔领导」等常见表头，其他表头可手动对应。
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
              message.error('请上传 .xlsx 格式的 Excel 文件');
              return Upload.LIST_IGNORE;
            }
            choose(chosen);
            return false;
          }}
          data-testid="ledger-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? '点击或拖入文件以重新选择' : '点击或将台账文件拖到此处'}</p>
          <p className="ant-upload-hint">仅支持 .xlsx，单个文件不超过 20 MB</p>
        </Upload.Dragger>

        {file && (
          <Flex gap={12} wrap align="center" style={{ marginTop: 16 }}>
            <Typography.Text strong data-testid="ledger-file">
              {file.name}
            </Typography.Text>
            <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
            <Space>
              <Typography.Text type="secondary">无清单类别列时导入到</Typography.Text>
              <Select
                size="small"
                aria-label="默认清单"
                allowClear
                placeholder="（按表中清单类别）"
                style={{ minWidth: 160 }}
                value={list}
                disabled={busy}
                onChange={(value?: TaskList) => chooseList(value)}
                options={enumOptions(TaskListEnum)}
              />
            </Space>
          </Flex>
        )}

        {busy && (
          <div style={{ marginTop: 16 }} data-testid="ledger-progress">
            <Progress percent={progress} status="active" />
            <Typography.Text type="secondary">{phase === 'checking' ? '正在校验…' : '正在上传…'}</Typography.Text>
          </div>
        )}

        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}

        {result && (
          <div style={{ marginTop: 16, opacity: busy ? 0.5 : 1 }}>
            <LedgerCheckView result={result} mapping={mapping} disabled={busy} onMap={map} />
          </div>
        )}

        {file && (
          <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
            <Button disabled={busy} onClick={() => runCheck({ file, mapping, list })}>
              重新校验
            </Button>
            <Button type="primary" disabled={!canImport} loading={importer.isPending} onClick={runImport} data-testid="confirm-import">
              确认导入{result && result.errors.length === 0 ? `（${result.valid} 项）` : ''}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
