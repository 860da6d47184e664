import { TaskListEnum, type TaskList } from '@reform/contracts';
import { Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { todayInShanghai } from '@reform/domain';
import { exampleCode } from '../lib/code-example';
import type { SettingValue } from '../lib/setting-values';
import { SettingCard, type SettingCardTools } from './setting-card';

type TaskCodeValue = SettingValue<'taskCode'>;
type TaskCodeForm = TaskCodeValue;

const toForm = (value: TaskCodeValue): TaskCodeForm => ({ pattern: value.pattern, prefixes: { ...value.prefixes } });
const fromForm = (form: TaskCodeForm) => ({
  pattern: form.pattern ?? '',
  prefixes: { mandate: form.prefixes?.mandate ?? '', pilot: form.prefixes?.pilot ?? '', innovation: form.prefixes?.innovation ?? '' },
});

const EXAMPLE_SEQ = 7;
const thisYear = () => Number(todayInShanghai().slice(0, 4));

const codeFor = (value: Partial<TaskCodeValue>, list: TaskList) =>
  exampleCode(value.pattern ?? '', { prefix: value.prefixes?.[list] ?? '', year: thisYear(), seq: EXAMPLE_SEQ });

export function describeTaskCode(value: TaskCodeValue) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'pattern', label: '编号规则', children: <Typography.Text code>{value.pattern}</Typography.Text> },
        ...TaskListEnum.values.map((list) => ({
          key: list,
          label: TaskListEnum.labels[list],
          children: `${value.prefixes[list]}（如 ${codeFor(value, list)}）`,
        })),
      ]}
    />
  );
}

const token = (text: string) => <Typography.Text code>{text}</Typography.Text>;

function TaskCodeFields({ rules }: SettingCardTools<TaskCodeForm>) {
  const pattern = Form.useWatch<string | undefined>('pattern') ?? '';
  const prefixes = Form.useWatch<TaskCodeForm['prefixes'] | undefined>('prefixes');
  const current = { pattern, prefixes };
  const [first, ...others] = TaskListEnum.values;
  return (
    <>
      <Typography.Paragraph type="secondary">
        新建任务时按此规则自动编号。修改只影响此后新建的任务，已有任务的编号不变。
      </Typography.Paragraph>
      <Form.Item
        name="pattern"
        label="编号规则"
        rules={rules(['pattern'], '请填写编号规则')}
        validateFirst
        extra={
          <span>
            可用 {token('{list}')} 清单前缀、{token('{year}')} 年度、{token('{seq:3}')} 序号（补足 3 位，{token('{seq}')} 不补位），各用一次，其余文字原样保留。
          </span>
        }
      >
        <Input maxLength={50} placeholder="{list}-{year}-{seq:3}" autoComplete="off" />
      </Form.Item>
      <div
        data-testid="code-example-box"
        style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}
      >
        <Typography.Text strong data-testid="code-example">
          示例：{codeFor(current, first!)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 13 }}>
          {others.map((list) => `${TaskListEnum.labels[list]} ${codeFor(current, list)}`).join('，')}
        </Typography.Text>
      </div>
      <Typography.Text strong>清单前缀</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        {TaskListEnum.values.map((list) => (
          <Col key={list} xs={24} sm={8}>
            <Form.Item name={['prefixes', list]} label={TaskListEnum.labels[list]} rules={rules(['prefixes', list], '请填写前缀')} validateFirst>
              <Input maxLength={10} autoComplete="off" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function TaskCodeCard({ value, version }: { value: TaskCodeValue; version: number }) {
  return (
    <SettingCard settingKey="taskCode" value={value} version={version} toForm={toForm} fromForm={fromForm} describe={describeTaskCode}>
      {(tools) => <TaskCodeFields {...tools} />}
    </SettingCard>
  );
}
