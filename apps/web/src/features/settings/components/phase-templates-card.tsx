import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Tooltip, Typography } from 'antd';
import type { FieldPath } from '@/lib/zod-form';
import type { SettingValue } from '../lib/setting-values';
import { SettingCard, type SettingCardTools } from './setting-card';

type Templates = SettingValue<'phaseTemplates'>;

interface PhaseRow {
  name: string;
  milestoneName: string;
  /** A phase takes either a share of the span or a fixed number of days, never both. */
  mode: 'share' | 'days';
  sharePercent: number | null;
  durationDays: number | null;
}

interface TemplateRow {
  key: string;
  name: string;
  phases: PhaseRow[];
}

interface PhaseTemplatesForm {
  templates: TemplateRow[];
}

const percent = (share: number) => Number((share * 100).toFixed(4));

const toForm = (templates: Templates): PhaseTemplatesForm => ({
  templates: templates.map((template) => ({
    key: template.key,
    name: template.name,
    phases: template.phases.map((phase) => ({
      name: phase.name,
      milestoneName: phase.milestoneName,
      mode: phase.share === undefined && phase.durationDays !== undefined ? 'days' : 'share',
      sharePercent: phase.share === undefined ? null : percent(phase.share),
      durationDays: phase.durationDays ?? null,
    })),
  })),
});

const fromForm = (form: PhaseTemplatesForm) =>
  (form.templates ?? []).map((template) => ({
    key: template?.key ?? '',
    name: template?.name ?? '',
    phases: (template?.phases ?? []).map((phase) => ({
      name: phase?.name ?? '',
      milestoneName: phase?.milestoneName ?? '',
      ...(phase?.mode === 'days'
        ? { durationDays: phase.durationDays ?? undefined }
        : { share: phase?.sharePercent === null || phase?.sharePercent === undefined ? undefined : phase.sharePercent / 100 }),
    })),
  }));

/** Schema paths ([0, 'phases', 1, 'share']) as the form's field names. */
function toFieldName(path: FieldPath): FieldPath {
  const [t, field, p, phaseField] = path;
  if (typeof t !== 'number') return [];
  if (path.length === 2 && (field === 'key' || field === 'name')) return ['templates', t, field];
  if (path.length === 4 && field === 'phases' && typeof p === 'number' && typeof phaseField === 'string') {
    return ['templates', t, 'phases', p, phaseField === 'share' ? 'sharePercent' : phaseField];
  }
  return [];
}

const arrangement = (phase: Templates[number]['phases'][number]) =>
  phase.durationDays !== undefined ? `固定 ${phase.durationDays} 天` : `占 ${percent(phase.share ?? 0)}%`;

export function describePhaseTemplates(templates: Templates) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {templates.map((template) => (
        <li key={template.key} style={{ marginBottom: 4 }}>
          <Typography.Text strong>{template.name}</Typography.Text>
          <Typography.Text type="secondary">（{template.key}）</Typography.Text>：
          {template.phases.map((phase) => `${phase.name}（${arrangement(phase)}，${phase.milestoneName}）`).join(' → ')}
        </li>
      ))}
    </ul>
  );
}

const newPhase = (): PhaseRow => ({ name: '', milestoneName: '', mode: 'share', sharePercent: null, durationDays: null });

function unusedKey(templates: TemplateRow[]): string {
  const taken = new Set(templates.map((template) => template?.key));
  let n = templates.length + 1;
  while (taken.has(`template-${n}`)) n += 1;
  return `template-${n}`;
}

const columns = { index: 1, name: 6, milestone: 6, arrangement: 8, actions: 3 } as const;

interface PhaseRowProps extends Pick<SettingCardTools<PhaseTemplatesForm>, 'rules'> {
  template: number;
  phase: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}

function PhaseFields({ template, phase, count, move, remove, rules }: PhaseRowProps) {
  const at = (field: keyof PhaseRow): FieldPath => ['templates', template, 'phases', phase, field];
  const mode = Form.useWatch<PhaseRow['mode'] | undefined>(at('mode'));
  const n = phase + 1;
  return (
    <Row gutter={8} align="top" data-testid={`phase-${template}-${phase}`}>
      <Col span={columns.index} style={{ paddingTop: 5, textAlign: 'center' }}>
        <Typography.Text type="secondary">{n}</Typography.Text>
      </Col>
      <Col span={columns.name}>
        <Form.Item name={[phase, 'name']} rules={rules(at('name'), '请填写阶段名称')} validateFirst>
          <Input aria-label={`阶段 ${n} 名称`} maxLength={50} placeholder="如 方案制定" />
        </Form.Item>
      </Col>
      <Col span={columns.milestone}>
        <Form.Item name={[phase, 'milestoneName']} rules={rules(at('milestoneName'), '请填写里程碑名称')} validateFirst>
          <Input aria-label={`阶段 ${n} 里程碑`} maxLength={100} placeholder="如 出台实施方案" />
        </Form.Item>
      </Col>
      <Col span={columns.arrangement}>
        <Flex gap={8} align="flex-start">
          <Form.Item name={[phase, 'mode']} style={{ marginBottom: 0 }}>
            <Radio.Group
              optionType="button"
              aria-label={`阶段 ${n} 工期方式`}
              options={[
                { value: 'share', label: '按比例' },
                { value: 'days', label: '固定天数' },
              ]}
            />
          </Form.Item>
          {mode === 'days' ? (
            <Form.Item name={[phase, 'durationDays']} rules={rules(at('durationDays'), '请填写天数')} validateFirst style={{ flex: 1 }}>
              <InputNumber aria-label={`阶段 ${n} 固定天数`} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
          ) : (
            <Form.Item name={[phase, 'sharePercent']} rules={rules(at('sharePercent'), '请填写占比')} validateFirst style={{ flex: 1 }}>
              <InputNumber aria-label={`阶段 ${n} 占比`} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Flex>
      </Col>
      <Col span={columns.actions}>
        <Flex gap={2} style={{ paddingTop: 1 }}>
          <Tooltip title="上移">
            <Button type="text" icon={<ArrowUpOutlined />} aria-label={`上移阶段 ${n}`} disabled={phase === 0} onClick={() => move(phase, phase - 1)} />
          </Tooltip>
          <Tooltip title="下移">
            <Button
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={`下移阶段 ${n}`}
              disabled={phase === count - 1}
              onClick={() => move(phase, phase + 1)}
            />
          </Tooltip>
          <Tooltip title={count === 1 ? '至少保留一个阶段' : '删除'}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除阶段 ${n}`} disabled={count === 1} onClick={() => remove(phase)} />
          </Tooltip>
        </Flex>
      </Col>
    </Row>
  );
}

/** How the shares of a template add up, in words: shares are scaled to the span left after the fixed phases. */
function ShareSummary({ template }: { template: number }) {
  const phases = Form.useWatch<PhaseRow[] | undefined>(['templates', template, 'phases']) ?? [];
  const shares = phases.filter((phase) => phase?.mode !== 'days').map((phase) => phase?.sharePercent ?? 0);
  const fixed = phases.filter((phase) => phase?.mode === 'days').reduce((sum, phase) => sum + (phase?.durationDays ?? 0), 0);
  const total = Number(shares.reduce((sum, share) => sum + share, 0).toFixed(4));
  const parts = [
    shares.length > 0 && `按比例的阶段合计 ${total}%${total === 100 ? '' : '（按各自占比折算）'}`,
    fixed > 0 && `固定天数合计 ${fixed} 天`,
  ].filter(Boolean);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {parts.join('；')}。里程碑从完成时限倒排：固定天数的阶段先占用工期，其余工期按占比分给各阶段。
    </Typography.Text>
  );
}

function TemplatesFields({ form, rules }: SettingCardTools<PhaseTemplatesForm>) {
  const duplicateKey = (index: number) => ({
    validator: async (_: unknown, key: string | undefined) => {
      const templates = (form.getFieldValue('templates') ?? []) as TemplateRow[];
      if (key && templates.some((template, i) => i !== index && template?.key === key)) throw new Error('模板标识不能重复');
    },
  });
  return (
    <>
      <Typography.Paragraph type="secondary">
        新建任务时选择模板，系统从完成时限倒排各阶段的里程碑。每个阶段按比例占用工期，或固定若干天（二选一）。
      </Typography.Paragraph>
      <Form.List name="templates">
        {(templates, { add, remove }) => (
          <Flex vertical gap={12}>
            {templates.map((template) => (
              <Card
                key={template.key}
                type="inner"
                size="small"
                data-testid={`template-${template.name}`}
                title={`模板 ${template.name + 1}`}
                extra={
                  <Tooltip title={templates.length === 1 ? '至少保留一个阶段模板' : undefined}>
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      disabled={templates.length === 1}
                      onClick={() => remove(template.name)}
                      aria-label={`删除模板 ${template.name + 1}`}
                    >
                      删除模板
                    </Button>
                  </Tooltip>
                }
              >
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item
                      name={[template.name, 'name']}
                      label="模板名称"
                      rules={rules(['templates', template.name, 'name'], '请填写模板名称')}
                      validateFirst
                    >
                      <Input maxLength={50} placeholder="如 三阶段推进" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name={[template.name, 'key']}
                      label="模板标识"
                      tooltip="内部引用模板的标识，建议用英文字母、数字和短横线"
                      dependencies={templates.filter((other) => other.key !== template.key).map((other) => ['templates', other.name, 'key'])}
                      rules={[...rules(['templates', template.name, 'key'], '请填写模板标识'), duplicateKey(template.name)]}
                      validateFirst
                    >
                      <Input maxLength={50} placeholder="如 three-phase" />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={8} style={{ marginBottom: 8 }}>
                  <Col span={columns.index} />
                  {(
                    [
                      ['阶段名称', columns.name],
                      ['阶段结束时的里程碑', columns.milestone],
                      ['工期安排', columns.arrangement],
                      ['排序 / 删除', columns.actions],
                    ] as const
                  ).map(([title, span]) => (
                    <Col key={title} span={span}>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {title}
                      </Typography.Text>
                    </Col>
                  ))}
                </Row>
                <Form.List name={[template.name, 'phases']}>
                  {(phases, { add: addPhase, remove: removePhase, move }) => (
                    <>
                      {phases.map((phase) => (
                        <PhaseFields
                          key={phase.key}
                          template={template.name}
                          phase={phase.name}
                          count={phases.length}
                          move={move}
                          remove={removePhase}
                          rules={rules}
                        />
                      ))}
                      <Flex justify="space-between" align="center" gap={12} wrap>
                        <ShareSummary template={template.name} />
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => addPhase(newPhase())}>
                          添加阶段
                        </Button>
                      </Flex>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              disabled={templates.length >= 20}
              onClick={() =>
                add({ key: unusedKey((form.getFieldValue('templates') ?? []) as TemplateRow[]), name: '', phases: [newPhase()] })
              }
            >
              添加模板
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

export function PhaseTemplatesCard({ value, version }: { value: Templates; version: number }) {
  return (
    <SettingCard
      settingKey="phaseTemplates"
      value={value}
      version={version}
      toForm={toForm}
      fromForm={fromForm as (form: PhaseTemplatesForm) => unknown}
      toFieldName={toFieldName}
      describe={describePhaseTemplates}
    >
      {(tools) => <TemplatesFields {...tools} />}
    </SettingCard>
  );
}

