import { AssessmentItemKindEnum, ZAssessmentItemBody, type TAssessmentItem, type TAssessmentItemKind, type TAssessmentSheet } from '@reform/contracts';
import { formatHundredths } from '@reform/domain';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { ApiError } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { createZodValidator, type FieldPath } from '@/lib/zod-form';
import { addAssessmentItem, updateAssessmentItem, useStoreSheet } from '../api/assessments';
import { EntryForm } from '@/lib/entry-form';
import { enumOptions } from '@/lib/enum-options';

interface ItemValues {
  kind: TAssessmentItemKind;
  points: number | null;
  reason: string;
  evidenceIds: (string | number)[];
  typicalCaseId: number | null;
}

const labels: Record<string, string> = { kind: '条目类别', points: '分值', reason: '事由', evidenceIds: '佐证材料编号', typicalCaseId: '典型案例' };
const labelOf = (name: FieldPath) => labels[String(name[0])];

/** Form values as the contract's body: points typed as 87.5 are sent as hundredths (8750). */
const toBody = (values: ItemValues) => ({
  kind: values.kind,
  points: values.points === null || values.points === undefined ? undefined : Math.round(Number(values.points) * 100),
  reason: values.reason ?? '',
  evidenceIds: (values.evidenceIds ?? []).map(Number),
  typicalCaseId: values.kind === 'bonus' ? (values.typicalCaseId ?? null) : null,
});
const validator = createZodValidator(ZAssessmentItemBody, toBody, labelOf);

const pointsHelp: Record<TAssessmentItemKind, string> = {
  third_party: '第三方评估的百分制得分（0.01 至 100），按分值折算计入基础分',
  satisfaction: '群众满意度测评的百分制得分（0.01 至 100），按分值折算计入基础分',
  bonus: '加分合计最多计入 20 分',
  deduction: '从总分中扣减',
};

export interface ItemDialogProps {
  sheet: TAssessmentSheet;
  /** null: a new entry of `kind`. */
  item: TAssessmentItem | null;
  kind: TAssessmentItemKind;
  open: boolean;
  onClose: () => void;
  /** 409: the sheet changed or the year was finalised; the message says which. */
  onConflict: (error: ApiError) => void;
}

/** Adds or edits one entry of a score sheet: reason required, evidence and (for a bonus) a typical case linked. */
export function ItemDialog({ sheet, item, kind, open, onClose, onConflict }: ItemDialogProps) {
  const [form] = Form.useForm<ItemValues>();
  const { message } = App.useApp();
  const store = useStoreSheet();
  const { check, submit, errorAlert, pending } = useSubmit({ form, onConflict, labels: labelOf });
  const currentKind = Form.useWatch('kind', form) ?? kind;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      item
        ? { kind: item.kind, points: item.points / 100, reason: item.reason, evidenceIds: item.evidence.map((e) => e.id), typicalCaseId: item.typicalCase?.id ?? null }
        : { kind, points: null, reason: '', evidenceIds: [], typicalCaseId: null },
    );
  }, [open, item, kind, form]);

  const onOk = async () => {
    const values = form.getFieldsValue(true) as ItemValues;
    const body = check(ZAssessmentItemBody, toBody(values));
    if (!body) return;
    await submit(
      () =>
        item
          ? updateAssessmentItem(sheet.year, sheet.unit.id, item.id, {
              version: item.version,
              points: body.points,
              reason: body.reason,
              evidenceIds: body.evidenceIds,
              typicalCaseId: body.typicalCaseId,
            })
          : addAssessmentItem(sheet.year, sheet.unit.id, body),
      async (saved) => {
        await store(saved);
        message.success(item ? '条目已保存' : `已新增${AssessmentItemKindEnum.labels[body.kind]}条目`);
        onClose();
      },
    );
  };

  const rule = (name: string) => [validator.rule(form, [name])];
  return (
    <Modal
      open={open}
      title={`${item ? '修改' : '新增'}${AssessmentItemKindEnum.labels[currentKind]}条目 · ${sheet.unit.name}`}
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={560}
    >
      {errorAlert()}
      <EntryForm form={form} data-testid="assessment-item-form">
        <Form.Item name="kind" label="条目类别" rules={rule('kind')}>
          <Select
            disabled={item !== null}
            options={enumOptions(AssessmentItemKindEnum)}
          />
        </Form.Item>
        <Form.Item name="points" label={currentKind === 'third_party' || currentKind === 'satisfaction' ? '得分（百分制）' : '分值'} rules={rule('points')} extra={pointsHelp[currentKind]}>
          <InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: '100%' }} aria-label="分值" />
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={rule('reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：“科技金融改革”经验被省委改革办推广" />
        </Form.Item>
        <Form.Item name="evidenceIds" label="佐证材料编号" rules={rule('evidenceIds')} extra="填写任务佐证材料的编号（可在任务详情的佐证材料中查看），可填多个">
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="例如 12" options={(item?.evidence ?? []).map((e) => ({ value: e.id, label: `${e.id} · ${e.name}` }))} />
        </Form.Item>
        {currentKind === 'bonus' && (
          <Form.Item name="typicalCaseId" label="关联典型案例" rules={rule('typicalCaseId')}>
            <Select
              allowClear
              placeholder={sheet.typicalCases.length ? '选择该单位的典型案例（可不选）' : '该单位暂无典型案例'}
              options={sheet.typicalCases.map((c) => ({ value: c.id, label: `${c.title}${c.promotedLevel ? `（${promotionLabel(c.promotedLevel)}推广）` : ''}` }))}
            />
          </Form.Item>
        )}
        {item && <div style={{ color: '#8c8c8c' }}>原分值 {formatHundredths(item.points)}</div>}
      </EntryForm>
    </Modal>
  );
}

export const promotionLabel = (level: string) => ({ city: '市级', province: '省级', nation: '国家级' })[level] ?? level;
