import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { TaskListEnum, ZTaskCreateBody, ZTimetablePreviewBody, type TaskList, type TTaskDetail } from '@reform/contracts';
import { App, Button, Card, Col, DatePicker, Flex, Form, Grid, Input, Row, Segmented, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ComponentProps } from 'react';
import { useSubmit } from '@/lib/use-submit';
import { createZodValidator, type FieldPath } from '@/lib/zod-form';
import { useCreateTask } from '../api/create-task';
import { usePhaseTemplates } from '../api/get-phase-templates';
import { usePreviewTimetable } from '../api/preview-timetable';
import { defaultTermEnd } from '../lib/pilot-values';
import { initialCreateValues, taskFormLabel, toCreateInput, type CreateFormValues } from '../lib/task-form-values';
import { BasicSection, DateFields, ListSection, ResponsibilitySection, Section, TaskBookSection } from './task-form-sections';
import { useUnitOptions } from './use-unit-options';
import { EntryForm } from '@/lib/entry-form';
import { enumOptions } from '@/lib/enum-options';

const DATE = 'YYYY-MM-DD';

interface TaskCreateFormProps {
  initialList?: TaskList;
  onCreated: (task: TTaskDetail) => void;
  onCancel: () => void;
}

/** 新建任务: one form for the three lists; the timetable is reverse-scheduled from the deadline, then edited. */
export function TaskCreateForm({ initialList = 'mandate', onCreated, onCancel }: TaskCreateFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateFormValues>();
  // On a phone a milestone takes two lines: its name, then phase, date and the rest.
  const narrow = Grid.useBreakpoint().md === false;
  const units = useUnitOptions();
  const templates = usePhaseTemplates();
  const preview = usePreviewTimetable();
  const create = useCreateTask();
  const { check, submit, showIssues, errorAlert } = useSubmit({ form: form as FormInstance, labels: taskFormLabel });
  const [initialValues] = useState(() => initialCreateValues(initialList));
  const list = (Form.useWatch('list', form) ?? initialList) as TaskList;

  const validator = useMemo(
    () => createZodValidator(ZTaskCreateBody, (values: CreateFormValues) => toCreateInput(values), taskFormLabel),
    [],
  );
  const rule = (name: FieldPath) => [validator.rule(form, name)];

  const templateOptions = (templates.data ?? []).map((t) => ({ value: t.key, label: `${t.name}（${t.phases.length} 个节点）` }));
  const templateKey = Form.useWatch('templateKey', form) ?? templates.data?.[0]?.key;
  useEffect(() => {
    const first = templates.data?.[0];
    if (first && !form.getFieldValue('templateKey')) form.setFieldValue('templateKey', first.key);
  }, [templates.data, form]);

  const generate = async () => {
    const values = form.getFieldsValue(true) as CreateFormValues;
    const body = check(ZTimetablePreviewBody, {
      templateKey: templateKey ?? '',
      startDate: values.startDate?.format(DATE),
      deadline: values.deadline?.format(DATE),
    });
    if (!body) return;
    await submit(
      () => preview.mutateAsync(body),
      (result) => {
        form.setFieldValue(
          'milestones',
          result.milestones.map((m) => ({ name: m.name, phase: m.phase, dueDate: dayjs(m.dueDate, DATE) })),
        );
        form.setFields([{ name: 'milestones', errors: [] }, { name: 'deadline', errors: [] }]);
        message.success(`已按模板倒排生成 ${result.milestones.length} 个节点，可继续修改`);
      },
    );
  };

  const save = async () => {
    const { data, issues } = validator.validate(form.getFieldsValue(true) as CreateFormValues);
    if (!data) {
      showIssues(issues);
      return;
    }
    await submit(
      () => create.mutateAsync(toCreateInput(form.getFieldsValue(true) as CreateFormValues)),
      (task) => {
        message.success(`已新建任务，编号 ${task.code}`);
        onCreated(task);
      },
    );
  };

  const onValuesChange = (changed: Partial<CreateFormValues>) => {
    // A pilot's term follows the start date (two years) until someone sets it by hand.
    if (changed.startDate && !form.isFieldTouched(['pilot', 'termStart']) && !form.isFieldTouched(['pilot', 'termEnd'])) {
      const start = changed.startDate as Dayjs;
      form.setFieldValue(['pilot', 'termStart'], start);
      form.setFieldValue(['pilot', 'termEnd'], defaultTermEnd(start));
    }
  };

  return (
    <EntryForm<CreateFormValues>
      form={form}
      initialValues={initialValues}
      onFinish={save}
      onValuesChange={onValuesChange}
      data-testid="task-create-form"
      aria-label="新建任务"
    >
      {errorAlert()}

      <Form.Item name="list" label="清单" style={{ marginBottom: 0 }}>
        <Segmented aria-label="清单" options={enumOptions(TaskListEnum)} />
      </Form.Item>

      <BasicSection
        rule={rule}
        status={
          <Form.Item name="status" label="状态">
            <Select options={[{ value: 'active', label: '推进中' }, { value: 'draft', label: '草拟' }]} />
          </Form.Item>
        }
      />
      <ListSection list={list} rule={rule} unitTree={units.unitTree} counties={units.counties} loading={units.loading} />
      <TaskBookSection rule={rule} />
      <ResponsibilitySection
        rule={rule}
        leadUnits={units.leadUnits}
        unitTree={units.unitTree}
        specialGroups={units.specialGroups}
        loading={units.loading}
      />

      <Section title="时间表（倒排工期）">
        <Row gutter={16} align="bottom">
          <DateFields rule={rule} />
          <Col xs={24} md={7}>
            <Form.Item name="templateKey" label="阶段模板">
              <Select
                aria-label="阶段模板"
                options={templateOptions}
                loading={templates.isPending}
                placeholder={templates.data?.[0]?.name ?? '选择模板'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item label=" " colon={false}>
              <Button icon={<ThunderboltOutlined />} onClick={generate} loading={preview.isPending} block data-testid="generate-milestones">
                倒排生成节点
              </Button>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="时间节点" required>
          <Form.List name="milestones" rules={rule(['milestones']) as ComponentProps<typeof Form.List>['rules']}>
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="create-milestones">
                {fields.length === 0 && (
                  <Typography.Paragraph type="secondary">
                    选择阶段模板后点「倒排生成节点」，从完成时限倒推各阶段节点；也可以手工添加。
                  </Typography.Paragraph>
                )}
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start" wrap>
                    <Typography.Text style={{ width: 24, lineHeight: '32px', flex: 'none' }}>{index + 1}.</Typography.Text>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={rule(['milestones', field.name, 'name'])}
                      style={{ flex: narrow ? '1 1 calc(100% - 40px)' : '2 1 200px', marginBottom: 8 }}
                    >
                      <Input aria-label={`节点 ${index + 1} 名称`} placeholder="节点名称" maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'phase']} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                      <Input aria-label={`节点 ${index + 1} 阶段`} placeholder="阶段" maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']} rules={rule(['milestones', field.name, 'dueDate'])} style={{ flex: '0 1 150px', marginBottom: 8 }}>
                      <DatePicker aria-label={`节点 ${index + 1} 日期`} format={DATE} style={{ width: '100%' }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={`删除节点 ${index + 1}`} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Space>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', phase: '', dueDate: form.getFieldValue('deadline') ?? null })}
                    disabled={fields.length >= 30}
                  >
                    添加节点
                  </Button>
                </Space>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </Form.Item>
      </Section>

      <Card size="small" style={{ position: 'sticky', bottom: 0, marginTop: 16, zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">保存后自动生成任务编号</Typography.Text>
          <Space>
            <Button onClick={onCancel}>取消</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-task">
              保存任务
            </Button>
          </Space>
        </Flex>
      </Card>
    </EntryForm>
  );
}
