import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OutcomeKindEnum, documentTitle, outcomeUnit, type OutcomeKind } from '@reform/contracts';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Select, type FormRule, type InputNumberProps } from 'antd';
import { useRef, useState, type ComponentProps, type ReactNode } from 'react';
import type { FieldPath } from '@/lib/zod-form';
import { enumOptions } from '@/lib/enum-options';

const DATE = 'YYYY-MM-DD';
const MAX_ROWS = 20;
const kindOptions = enumOptions(OutcomeKindEnum);

interface ListEditorProps {
  /** The zod rule of one field, e.g. ['outcomes', 1, 'description']. */
  rule: (name: FieldPath) => FormRule[];
  /** Shown greyed out, without add and remove, for a user who may not change the list. */
  disabled?: boolean;
  /** Called after a row is added or removed (antd reports neither as a value change). */
  onRowsChange?: () => void;
}

interface RowListProps extends ListEditorProps {
  name: 'outcomes' | 'sourceDocuments';
  /** What one row is called: 成果, 依据文件. */
  noun: string;
  blank: () => object;
  /** Whether a row holds something worth a confirmation before it goes (a saved row, or typed text). */
  hasContent: (row: Record<string, unknown> | undefined) => boolean;
  /** A row's name in the removal question. */
  describe: (row: Record<string, unknown> | undefined) => string;
  renderRow: (field: { name: number }, index: number, autoFocus: boolean) => ReactNode;
}

/**
 * A list of task-book rows with add and remove. Removing a row with content asks first (focus
 * starts on 取消); a new row takes the focus, and after a removal the focus goes to the add button.
 */
function RowList({ name, noun, blank, hasContent, describe, renderRow, rule, disabled, onRowsChange }: RowListProps) {
  const { modal } = App.useApp();
  const form = Form.useFormInstance();
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // Form.List takes validator rules only, which is what the zod rule is.
  const listRules = rule([name]) as ComponentProps<typeof Form.List>['rules'];

  return (
    <Form.List name={name} rules={listRules}>
      {(fields, { add, remove }, { errors }) => {
        const removeRow = (index: number) => {
          remove(index);
          onRowsChange?.();
          addButton.current?.focus();
        };
        const askToRemove = (index: number) => {
          const row = form.getFieldValue([name, index]) as Record<string, unknown> | undefined;
          if (!hasContent(row)) return removeRow(index);
          modal.confirm({
            title: `删除这项${noun}？`,
            content: `${describe(row)}将从任务书中删除，保存后生效。`,
            okText: '删除',
            okButtonProps: { danger: true },
            cancelText: '取消',
            autoFocusButton: 'cancel',
            onOk: () => removeRow(index),
          });
        };
        return (
          <div data-testid={`${name}-editor`}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap role="group" aria-label={`${noun} ${index + 1}`}>
                {/* The saved row this one edits: registered, so it is part of the values the form submits. */}
                <Form.Item name={[field.name, 'id']} hidden noStyle>
                  <input type="hidden" />
                </Form.Item>
                {renderRow(field, index, index === focusIndex)}
                {!disabled && (
                  <Button danger icon={<DeleteOutlined />} aria-label={`删除${noun} ${index + 1}`} onClick={() => askToRemove(field.name)} />
                )}
              </Flex>
            ))}
            {!disabled && (
              <Button
                ref={addButton}
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_ROWS}
                onClick={() => {
                  setFocusIndex(fields.length);
                  add(blank());
                  onRowsChange?.();
                }}
              >
                添加{noun}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </div>
        );
      }}
    </Form.List>
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** 目标 [2] 件: the measure word follows the row's kind. */
function CountInput({ kindPath, ...props }: { kindPath: FieldPath } & InputNumberProps<number>) {
  const kind = Form.useWatch(kindPath) as OutcomeKind | undefined;
  return <InputNumber {...props} precision={0} max={1000} suffix={outcomeUnit(kind ?? 'institutional_document')} style={{ width: '100%' }} />;
}

/** 预期成果: form, description, target and (once the task runs) how many were delivered. */
export function OutcomesEditor({ withDelivered = false, ...props }: ListEditorProps & { withDelivered?: boolean }) {
  const { rule, disabled } = props;
  return (
    <RowList
      {...props}
      name="outcomes"
      noun="成果"
      blank={() => ({ kind: 'institutional_document', description: '', targetCount: 1, ...(withDelivered ? { deliveredCount: 0 } : {}) })}
      hasContent={(row) => row?.id !== undefined || text(row?.description) !== ''}
      describe={(row) => (text(row?.description) ? `“${text(row?.description)}”` : '这项成果')}
      renderRow={(field, index, autoFocus) => {
        const path = (key: string): FieldPath => ['outcomes', field.name, key];
        const at = (key: string) => ({ name: [field.name, key], rules: rule(path(key)) });
        return (
          <>
            <Form.Item {...at('kind')} style={{ flex: '0 0 150px', marginBottom: 8 }}>
              <Select aria-label={`成果 ${index + 1} 形式`} options={kindOptions} disabled={disabled} autoFocus={autoFocus} />
            </Form.Item>
            <Form.Item {...at('description')} style={{ flex: '1 1 240px', marginBottom: 8 }}>
              <Input aria-label={`成果 ${index + 1} 描述`} placeholder="成果描述" maxLength={500} disabled={disabled} />
            </Form.Item>
            <Form.Item {...at('targetCount')} style={{ flex: '0 0 130px', marginBottom: 8 }}>
              <CountInput kindPath={path('kind')} aria-label={`成果 ${index + 1} 目标数量`} prefix="目标" min={1} disabled={disabled} />
            </Form.Item>
            {withDelivered && (
              <Form.Item {...at('deliveredCount')} style={{ flex: '0 0 140px', marginBottom: 8 }}>
                <CountInput kindPath={path('kind')} aria-label={`成果 ${index + 1} 已交付数量`} prefix="已交付" min={0} disabled={disabled} />
              </Form.Item>
            )}
          </>
        );
      }}
    />
  );
}

/** 依据文件: the decision or plan the task was broken down from, with its 文号. */
export function SourceDocumentsEditor(props: ListEditorProps) {
  const { rule, disabled } = props;
  return (
    <RowList
      {...props}
      name="sourceDocuments"
      noun="依据文件"
      blank={() => ({ title: '', docNumber: '', issuer: '', issuedOn: null })}
      hasContent={(row) => row?.id !== undefined || [row?.title, row?.docNumber, row?.issuer].some((value) => text(value) !== '') || Boolean(row?.issuedOn)}
      describe={(row) => (text(row?.title) ? documentTitle(text(row?.title)) : '这份依据文件')}
      renderRow={(field, index, autoFocus) => {
        const at = (key: string) => ({ name: [field.name, key], rules: rule(['sourceDocuments', field.name, key]) });
        return (
          <>
            <Form.Item {...at('title')} style={{ flex: '2 1 240px', marginBottom: 8 }}>
              <Input aria-label={`依据文件 ${index + 1} 标题`} placeholder="文件标题" maxLength={200} disabled={disabled} autoFocus={autoFocus} />
            </Form.Item>
            <Form.Item {...at('docNumber')} style={{ flex: '1 1 150px', marginBottom: 8 }}>
              <Input aria-label={`依据文件 ${index + 1} 文号`} placeholder="文号，如 嘉委发〔2025〕1号" maxLength={100} disabled={disabled} />
            </Form.Item>
            <Form.Item {...at('issuer')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
              <Input aria-label={`依据文件 ${index + 1} 发文机关`} placeholder="发文机关" maxLength={100} disabled={disabled} />
            </Form.Item>
            <Form.Item {...at('issuedOn')} style={{ flex: '0 0 150px', marginBottom: 8 }}>
              <DatePicker aria-label={`依据文件 ${index + 1} 印发日期`} placeholder="印发日期" format={DATE} style={{ width: '100%' }} disabled={disabled} />
            </Form.Item>
          </>
        );
      }}
    />
  );
}
