import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TaskListEnum, TaskPriorityEnum, type TaskList, type TTaskEditableField } from '@reform/contracts';
import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, TreeSelect, Typography, type FormRule } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import type { UnitTreeOption } from '@/lib/units';
import type { FieldPath } from '@/lib/zod-form';
import { levelOptions } from '../lib/level-options';
import { fieldLabels } from '../lib/task-form-values';
import { ListOwnFields, PilotFields } from './list-fields';
import { OutcomesEditor, SourceDocumentsEditor } from './task-book-editors';
import { enumOptions } from '@/lib/enum-options';

const DATE = 'YYYY-MM-DD';

/** What every section of the task form is given by the form that holds it (新建 or 编辑). */
export interface SectionProps {
  /** The contract's check of one field, as antd rules. */
  rule: (name: FieldPath) => FormRule[];
  /** Fields this user may not change are shown greyed out (the new-task form disables none). */
  isDisabled?: (name: TTaskEditableField) => boolean;
  /** Called when rows are added, moved or removed (antd reports none of these as a value change). */
  onRowsChange?: () => void;
}

const never = () => false;

export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" style={{ marginTop: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      {children}
    </Card>
  );
}

/** A labelled field with its contract rule. */
function item(rule: SectionProps['rule'], name: TTaskEditableField, extra: Partial<ComponentProps<typeof Form.Item>> = {}) {
  return { name, label: fieldLabels[name], rules: rule([name]), ...extra };
}

/** 基本信息: title, field, level, priority, year, batch, tags (and, when creating, the status). */
export function BasicSection({ rule, isDisabled = never, status }: SectionProps & { status?: ReactNode }) {
  return (
    <Section title="基本信息">
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item {...item(rule, 'title', { required: true })}>
            <Input disabled={isDisabled('title')} maxLength={200} showCount />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item {...item(rule, 'field', { required: true })}>
            <Input disabled={isDisabled('field')} maxLength={50} placeholder="如：科技创新" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item {...item(rule, 'level')}>
            <Select disabled={isDisabled('level')} options={levelOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item {...item(rule, 'priority')}>
            <Select
              disabled={isDisabled('priority')}
              options={enumOptions(TaskPriorityEnum)}
            />
          </Form.Item>
        </Col>
        {status && (
          <Col xs={12} md={6}>
            {status}
          </Col>
        )}
        <Col xs={12} md={6}>
          <Form.Item {...item(rule, 'year', { required: true })}>
            <InputNumber disabled={isDisabled('year')} style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item {...item(rule, 'batch')}>
            <Input disabled={isDisabled('batch')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={status ? 12 : 18}>
          <Form.Item {...item(rule, 'tags')}>
            <Select
              mode="tags"
              disabled={isDisabled('tags')}
              tokenSeparators={[',', '，', '、']}
              open={false}
              suffixIcon={null}
              placeholder="输入后回车，如：改革名片"
            />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

interface ListSectionProps extends SectionProps {
  list: TaskList;
  /** For 首创单位. */
  unitTree: UnitTreeOption[];
  /** For a pilot's 申报县(市、区). */
  counties: UnitTreeOption[];
  loading: boolean;
}

/** A list's own fields: a mandate's 下达层级, an innovation's 首创单位, a pilot's 试点信息. */
export function ListSection({ list, rule, isDisabled = never, unitTree, counties, loading }: ListSectionProps) {
  if (list === 'pilot') {
    return (
      <Section title={fieldLabels.pilot}>
        <PilotFields rule={rule} counties={counties} loading={loading} disabled={isDisabled('pilot')} />
      </Section>
    );
  }
  return (
    <Section title={`${TaskListEnum.labels[list]}信息`}>
      <Row gutter={16} data-testid="list-fields">
        <ListOwnFields list={list} rule={rule} unitTree={unitTree} loading={loading} disabled={isDisabled} />
      </Row>
    </Section>
  );
}

/** 主要举措 in their order: add, move up and down, remove. */
function MeasuresEditor({ rule, isDisabled = never, onRowsChange }: SectionProps) {
  const disabled = isDisabled('measures');
  const changed = (change: () => void) => () => {
    change();
    onRowsChange?.();
  };
  return (
    <Form.List name="measures" rules={rule(['measures']) as ComponentProps<typeof Form.List>['rules']}>
      {(fields, { add, remove, move }, { errors }) => (
        <>
          <ol style={{ paddingInlineStart: 0, listStyle: 'none', margin: 0 }} data-testid="measures-editor">
            {fields.map((field, index) => (
              <li key={field.key}>
                <Flex gap={8} align="flex-start">
                  <Typography.Text style={{ width: 28, lineHeight: '32px', flex: 'none' }}>{index + 1}.</Typography.Text>
                  <Form.Item name={field.name} rules={rule(['measures', field.name])} style={{ flex: 1, marginBottom: 12 }}>
                    <Input.TextArea aria-label={`举措 ${index + 1}`} disabled={disabled} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
                  </Form.Item>
                  {!disabled && (
                    <Space.Compact>
                      <Button
                        icon={<ArrowUpOutlined />}
                        aria-label={`上移举措 ${index + 1}`}
                        disabled={index === 0}
                        onClick={changed(() => move(index, index - 1))}
                      />
                      <Button
                        icon={<ArrowDownOutlined />}
                        aria-label={`下移举措 ${index + 1}`}
                        disabled={index === fields.length - 1}
                        onClick={changed(() => move(index, index + 1))}
                      />
                      <Button danger icon={<DeleteOutlined />} aria-label={`删除举措 ${index + 1}`} onClick={changed(() => remove(field.name))} />
                    </Space.Compact>
                  )}
                </Flex>
              </li>
            ))}
          </ol>
          {!disabled && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={changed(() => add(''))} disabled={fields.length >= 50}>
              添加举措
            </Button>
          )}
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** 任务书: objective, measures, outcomes (with what was delivered, once the task runs), acceptance, source documents. */
export function TaskBookSection({ withDelivered = false, ...props }: SectionProps & { withDelivered?: boolean }) {
  const { rule, isDisabled = never, onRowsChange } = props;
  return (
    <Section title="任务书">
      <Form.Item {...item(rule, 'objective')}>
        <Input.TextArea disabled={isDisabled('objective')} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label={`${fieldLabels.measures}（按顺序）`}>
        <MeasuresEditor {...props} />
      </Form.Item>
      <Form.Item label={fieldLabels.outcomes}>
        <OutcomesEditor rule={rule} disabled={isDisabled('outcomes')} onRowsChange={onRowsChange} withDelivered={withDelivered} />
      </Form.Item>
      <Form.Item {...item(rule, 'acceptanceCriteria')}>
        <Input.TextArea disabled={isDisabled('acceptanceCriteria')} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label={fieldLabels.sourceDocuments}>
        <SourceDocumentsEditor rule={rule} disabled={isDisabled('sourceDocuments')} onRowsChange={onRowsChange} />
      </Form.Item>
    </Section>
  );
}

/** 开始日期 and 完成时限, as two columns of the timetable section's row. */
export function DateFields({ rule, isDisabled = never }: SectionProps) {
  return (
    <>
      <Col xs={12} md={6}>
        <Form.Item {...item(rule, 'startDate', { required: true })}>
          <DatePicker aria-label={fieldLabels.startDate} disabled={isDisabled('startDate')} format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item {...item(rule, 'deadline', { required: true, dependencies: ['startDate'] })}>
          <DatePicker aria-label={fieldLabels.deadline} disabled={isDisabled('deadline')} format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </>
  );
}

interface ResponsibilitySectionProps extends SectionProps {
  /** Units this user may name as the lead unit (the server's answer to who may assign whom). */
  leadUnits: UnitTreeOption[];
  unitTree: UnitTreeOption[];
  specialGroups: { value: number; label: string }[];
  loading: boolean;
}

/** 责任状（四个一）: the leader, the lead unit, the special group, the cooperating units, the contact. */
export function ResponsibilitySection({ rule, isDisabled = never, leadUnits, unitTree, specialGroups, loading }: ResponsibilitySectionProps) {
  return (
    <Section title="责任状（四个一）">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item {...item(rule, 'leadLeader')}>
            <Input disabled={isDisabled('leadLeader')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item(rule, 'leadUnitId', { required: true })}>
            <TreeSelect
              aria-label={fieldLabels.leadUnitId}
              disabled={isDisabled('leadUnitId')}
              treeData={leadUnits}
              treeDefaultExpandAll={leadUnits.length === 1}
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={loading}
              popupMatchSelectWidth={false}
              placeholder="选择牵头单位"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item(rule, 'specialGroupId')}>
            <Select disabled={isDisabled('specialGroupId')} allowClear options={specialGroups} loading={loading} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item {...item(rule, 'cooperatingUnitIds')}>
            <TreeSelect
              multiple
              disabled={isDisabled('cooperatingUnitIds')}
              treeData={unitTree}
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={loading}
              placeholder="选择配合单位"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item {...item(rule, 'contactName')}>
            <Input disabled={isDisabled('contactName')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item {...item(rule, 'contactPhone')}>
            <Input disabled={isDisabled('contactPhone')} maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
