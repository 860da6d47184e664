import { assessmentImportHeaders } from '@reform/contracts';
import { formatHundredths } from '@reform/domain';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { importScores, type ImportOutcome } from '../api/assessments';

export interface ImportDialogProps {
  year: number;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** 导入得分: the file is checked first (problems per row and column, or a preview), then imported on confirmation. */
export function ImportDialog({ year, open, onClose, onImported }: ImportDialogProps) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (dryRun: boolean, chosen = file) => {
    if (!chosen) return;
    setPending(true);
    setError(null);
    try {
      const result = await importScores(year, chosen, dryRun);
      setOutcome(result);
      if (result.kind === 'imported') {
        message.success(`已导入 ${result.result.scores} 项得分`);
        onImported();
        close();
      }
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : '导入失败，请重试');
    } finally {
      setPending(false);
    }
  };
  const close = () => {
    setFile(null);
    setOutcome(null);
    setError(null);
    onClose();
  };

  const rows = outcome?.result;
  return (
    <Modal
      open={open}
      title={`导入 ${year} 年度第三方评估和满意度得分`}
      onCancel={close}
      width={720}
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" disabled={outcome?.kind !== 'checked' || (rows?.scores ?? 0) === 0} loading={pending} onClick={() => void run(false)} data-testid="import-confirm">
            确认导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Excel（.xlsx）第一个工作表，表头为“{assessmentImportHeaders.unit}”“{assessmentImportHeaders.thirdParty}”“{assessmentImportHeaders.satisfaction}”；
        得分为百分制、最多两位小数。已有的同类得分会被覆盖。先检查，确认无误后再导入。
      </Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setOutcome(null);
          void run(true, chosen);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setOutcome(null);
        }}
        fileList={file ? [{ uid: '1', name: file.name, status: pending ? 'uploading' : 'done' }] : []}
      >
        <Button data-testid="import-choose">选择文件</Button>
      </Upload>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
      {rows && rows.errors.length > 0 && (
        <>
          <Alert type="error" showIcon style={{ marginTop: 16 }} title={`发现 ${rows.errors.length} 处问题，未导入任何数据。请修改文件后重新选择`} />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
            dataSource={rows.errors}
            pagination={false}
            scroll={{ y: 240 }}
            data-testid="import-errors"
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '列', dataIndex: 'column', width: 130 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </>
      )}
      {rows && rows.errors.length === 0 && outcome?.kind === 'checked' && (
        <>
          <Alert type="success" showIcon style={{ marginTop: 16 }} title={`检查通过：${rows.total} 行，${rows.scores} 项得分待导入`} />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey="row"
            dataSource={rows.preview}
            pagination={false}
            scroll={{ y: 240 }}
            data-testid="import-preview"
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '单位', dataIndex: 'unitName' },
              { title: '第三方评估', dataIndex: 'thirdParty', render: (v: number | null) => (v === null ? '—' : formatHundredths(v)) },
              { title: '满意度', dataIndex: 'satisfaction', render: (v: number | null) => (v === null ? '—' : formatHundredths(v)) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
