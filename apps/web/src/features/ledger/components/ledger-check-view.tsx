import {
  ledgerFieldLabels,
  ledgerFields,
  type TLedgerCheckResult,
  type TLedgerField,
  type TLedgerMapping,
  type TLedgerProblem,
} from '@reform/contracts';
import { Alert, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';

interface LedgerCheckViewProps {
  result: TLedgerCheckResult;
  mapping: TLedgerMapping;
  disabled: boolean;
  onMap: (columnIndex: number, field: TLedgerField | null) => void;
}

const fieldOptions = [
  ...ledgerFields.map((field) => ({ value: field as string, label: ledgerFieldLabels[field] })),
  { value: '__ignore__', label: '忽略此列' },
];

/** Problems or warnings, row by row; long lists are paged. */
function ProblemTable({ items, testId }: { items: TLedgerProblem[]; testId: string }) {
  return (
    <Table
      data-testid={testId}
      size="small"
      rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { title: '行', dataIndex: 'row', width: 72 },
        { title: '列', dataIndex: 'column', width: 140, render: (column: string) => column || '表头' },
        { title: testId === 'ledger-warnings' ? '提醒' : '问题', dataIndex: 'message' },
      ]}
    />
  );
}

/**
 * What a dry run found: the columns (header → field, the unrecognised ones to map), the counts,
 * every problem (the import waits until there are none) and, apart from them, every warning
 * (e.g. a deadline already passed: the row comes in and shows red).
 */
export function LedgerCheckView({ result, mapping, disabled, onMap }: LedgerCheckViewProps) {
  const problems = result.errors.length;
  const warnings = result.warnings.length;
  return (
    <div data-testid="ledger-check">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          { key: 'total', label: '数据行', children: <span data-testid="ledger-counts">共 {result.total} 行，有效 {result.valid} 行</span> },
          {
            key: 'errors',
            label: '问题',
            children: problems === 0 ? <Typography.Text type="success">无</Typography.Text> : <Typography.Text type="danger">{problems} 处</Typography.Text>,
          },
          {
            key: 'warnings',
            label: '提醒',
            children: warnings === 0 ? <Typography.Text type="secondary">无</Typography.Text> : <Typography.Text type="warning">{warnings} 处（不影响导入）</Typography.Text>,
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 8 }}>
        识别的列
      </Typography.Title>
      <Space size={[8, 8]} wrap data-testid="ledger-columns">
        {result.columns.map((column) => {
          const chosen = mapping[String(column.index)];
          const unrecognised = column.field === null && chosen === undefined;
          const label = column.header || `第 ${column.index + 1} 列`;
          if (column.field !== null && chosen === undefined) {
            return (
              <Tag key={column.index} color="blue" style={{ padding: '2px 8px', marginInlineEnd: 0 }}>
                {label} → {ledgerFieldLabels[column.field]}
              </Tag>
            );
          }
          return (
            <Space.Compact key={column.index}>
              <Tag color={unrecognised ? 'orange' : 'blue'} style={{ padding: '2px 8px', marginInlineEnd: 0, lineHeight: '22px' }}>
                {label} →
              </Tag>
              <Select
                size="small"
                aria-label={`「${label}」对应字段`}
                placeholder="未识别，选择对应字段"
                style={{ minWidth: 150 }}
                disabled={disabled}
                value={chosen === undefined ? undefined : (chosen ?? '__ignore__')}
                options={fieldOptions}
                onChange={(value: string) => onMap(column.index, value === '__ignore__' ? null : (value as TLedgerField))}
                popupMatchSelectWidth={false}
              />
            </Space.Compact>
          );
        })}
      </Space>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        问题清单
      </Typography.Title>
      {problems === 0 ? (
        <Alert type="success" showIcon title={`全部 ${result.valid} 行校验通过，可以导入`} />
      ) : (
        <ProblemTable items={result.errors} testId="ledger-errors" />
      )}

      {warnings > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            提醒（不影响导入）
          </Typography.Title>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title="以下各行可以导入，但请留意：完成时限已过的任务导入后显示为红灯，并写明逾期天数。"
          />
          <ProblemTable items={result.warnings} testId="ledger-warnings" />
        </>
      )}
    </div>
  );
}
