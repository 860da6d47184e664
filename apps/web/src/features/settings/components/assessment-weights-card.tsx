import { Col, Form, InputNumber, Row, Typography } from 'antd';
import type { SettingValue } from '../lib/setting-values';
import { SettingCard, type SettingCardTools } from './setting-card';

interface WeightsForm {
  ranking: number | null;
  thirdParty: number | null;
  satisfaction: number | null;
  bonusCap: number | null;
}

const toForm = (value: SettingValue<'assessmentWeights'>): WeightsForm => ({ ...value });
const fromForm = (form: WeightsForm) => ({
  ranking: form.ranking ?? undefined,
  thirdParty: form.thirdParty ?? undefined,
  satisfaction: form.satisfaction ?? undefined,
  bonusCap: form.bonusCap ?? undefined,
});
const describe = (v: SettingValue<'assessmentWeights'>) =>
  `晾晒比拼 ${v.ranking} 分 + 第三方评估 ${v.thirdParty} 分 + 群众满意度 ${v.satisfaction} 分，加分最多 ${v.bonusCap} 分`;

const fields: { name: keyof WeightsForm; label: string; max: number }[] = [
  { name: 'ranking', label: '晾晒比拼全年累计（分）', max: 100 },
  { name: 'thirdParty', label: '第三方评估（分）', max: 100 },
  { name: 'satisfaction', label: '群众满意度（分）', max: 100 },
  { name: 'bonusCap', label: '加分上限（分）', max: 20 },
];

function WeightsFields({ rules }: SettingCardTools<WeightsForm>) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        “100+20”：三项基础指标按分值折算，合计 100 分；另加最多 20 分的加分，再减扣分。已定稿年度按定稿时的设置计分，不受此处修改影响。
      </Typography.Paragraph>
      <Row gutter={16}>
        {fields.map((field) => (
          <Col key={field.name} xs={24} sm={12} lg={6}>
            <Form.Item name={field.name} label={field.label} rules={rules([field.name], '请填写分值')} validateFirst>
              <InputNumber precision={0} min={0} max={field.max} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function AssessmentWeightsCard({ value, version }: { value: SettingValue<'assessmentWeights'>; version: number }) {
  return (
    <SettingCard settingKey="assessmentWeights" value={value} version={version} toForm={toForm} fromForm={fromForm} describe={describe}>
      {(tools) => <WeightsFields {...tools} />}
    </SettingCard>
  );
}
