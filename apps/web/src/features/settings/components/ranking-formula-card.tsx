import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { rankingRateIndicators, rankingTieBreaks } from '@reform/contracts';
import { rankingIndicatorDefinitions, rankingIndicatorLabels, rankingTieBreakLabels } from '@reform/domain';
import { Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import type { SettingValue } from '../lib/setting-values';
import { SettingCard, type SettingCardTools } from './setting-card';

type Indicator = (typeof rankingRateIndicators)[number];
interface FormulaForm {
  indicators: Array<{ indicator: Indicator | undefined; weight: number | null }>;
  overdueDeduction: number | null;
  tieBreak: (typeof rankingTieBreaks)[number];
}

const toForm = (value: SettingValue<'rankingFormula'>): FormulaForm => ({
  indicators: value.indicators.map((item) => ({ ...item })),
  overdueDeduction: value.overdueDeduction,
  tieBreak: value.tieBreak,
});
const fromForm = (form: FormulaForm) => ({
  indicators: (form.indicators ?? []).map((item) => ({ indicator: item?.indicator, weight: item?.weight ?? undefined })),
  overdueDeduction: form.overdueDeduction ?? undefined,
  tieBreak: form.tieBreak,
});
export const describeFormula = (value: SettingValue<'rankingFormula'>) =>
  `${value.indicators.map((item) => `${rankingIndicatorLabels[item.indicator]} ${item.weight} 分`).join('，')}；每项逾期扣 ${value.overdueDeduction} 分；${rankingTieBreakLabels[value.tieBreak]}`;

function FormulaFields({ rules }: SettingCardTools<FormulaForm>) {
  const chosen = (Form.useWatch<FormulaForm['indicators']>('indicators') ?? []).map((item) => item?.indicator);
  return (
    <>
      <Typography.Paragraph type="secondary">
        晾晒比拼按事实计分：每项比率指标满分为其权重（比率 × 权重，保留两位小数），再按逾期事项扣分；市级部门与县（市、区）分别排名。公式向所有单位公开。
      </Typography.Paragraph>
      <Form.List name="indicators" rules={[{ validator: async () => undefined }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[field.name, 'indicator']}
                  label={field.name === 0 ? '指标' : undefined}
                  rules={rules(['indicators', field.name, 'indicator'], '请选择指标')}
                  style={{ flex: '1 1 200px', minWidth: 0 }}
                  extra={(() => {
                    const picked = chosen[field.name];
                    return picked ? rankingIndicatorDefinitions[picked] : undefined;
                  })()}
                >
                  <Select
                    aria-label={`指标 ${field.name + 1}`}
                    options={rankingRateIndicators.map((value) => ({
                      value,
                      label: rankingIndicatorLabels[value],
                      disabled: chosen.includes(value) && chosen[field.name] !== value,
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'weight']}
                  label={field.name === 0 ? '权重（满分）' : undefined}
                  rules={rules(['indicators', field.name, 'weight'], '请填写权重')}
                  validateFirst
                >
                  <InputNumber aria-label={`权重 ${field.name + 1}`} precision={2} suffix="分" style={{ width: 130 }} />
                </Form.Item>
                <Button
                  aria-label={`删除指标 ${field.name + 1}`}
                  icon={<DeleteOutlined />}
                  style={{ marginTop: field.name === 0 ? 30 : 0 }}
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < rankingRateIndicators.length && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginBottom: 16 }}
                onClick={() => add({ indicator: rankingRateIndicators.find((value) => !chosen.includes(value)), weight: 10 })}
              >
                添加指标
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Flex gap={16} wrap>
        <Form.Item name="overdueDeduction" label="每项逾期扣分" rules={rules(['overdueDeduction'], '请填写扣分')} validateFirst extra="截至期末仍逾期未完成的节点，每项扣除此分值；0 为不扣分。">
          <InputNumber precision={2} suffix="分" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="tieBreak" label="同分规则" rules={rules(['tieBreak'], '请选择同分规则')} style={{ flex: '1 1 240px' }}>
          <Select options={rankingTieBreaks.map((value) => ({ value, label: rankingTieBreakLabels[value] }))} />
        </Form.Item>
      </Flex>
    </>
  );
}

export function RankingFormulaCard({ value, version }: { value: SettingValue<'rankingFormula'>; version: number }) {
  return (
    <SettingCard settingKey="rankingFormula" value={value} version={version} toForm={toForm} fromForm={fromForm} describe={describeFormula}>
      {(tools) => <FormulaFields {...tools} />}
    </SettingCard>
  );
}
