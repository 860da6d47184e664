import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  TaskListEnum,
  TaskPriorityEnum,
  ZTaskCreateBody,
  ZTimetablePreviewBody,
  taskEditableFieldLabels,
  type TaskList,
  type TTaskDetail,
} from '@reform/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  TreeSelect,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError, type ApiError } from '@/lib/api-client';
import { countyOptions, flattenUnits, toTreeOptions, useUnits } from '@/lib/units';
import { createZodValidator, keepEnterFromSubmitting, pathToName, showFieldErrors, type FieldPath } from '@/lib/zod-form';
import { useCreateTask } from '../api/create-task';
import { usePhaseTemplates } from '../api/get-phase-templates';
import { usePreviewTimetable } from '../api/preview-timetable';
import { initialCreateValues, toCreateInput, type CreateFormValues } from '../lib/create-values';
import { levelOptions } from '../lib/level-options';
import { defaultTermEnd } from '../lib/pilot-values';
import { ListOwnFields, PilotFields } from './list-fields';
import { OutcomesEditor, SourceDocumentsEditor } from './task-book-editors';

const DATE = 'YYYY-MM-DD';

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" style={{ marginTop: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      {children}
    </Card>
  );
}

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
  const units = useUnits();
  const templates = usePhaseTemplates();
  const preview = usePreviewTimetable();
  const create = useCreateTask();
  const [formError, setFormError] = useState<string | null>(null);
  const [initialValues] = useState(() => initialCreateValues(initialList));
  const list = (Form.useWatch('list', form) ?? initialList) as TaskList;

  const validator = useMemo(() => createZodValidator(ZTaskCreateBody, (values: CreateFormValues) => toCreateInput(values)), []);
  const rule = (name: FieldPath) => [validator.rule(form, name)];

  const unitTree = useMemo(() => toTreeOptions(units.data ?? []), [units.data]);
  const flat = useMemo(() => flattenUnits(units.data ?? []), [units.data]);
  const specialGroups = flat.filter((u) => u.kind === 'special_group').map((u) => ({ value: u.id, label: u.name }));
  const counties = useMemo(() => countyOptions(units.data ?? []), [units.data]);
  const templateOptions = (templates.data ?? []).map((t) => ({ value: t.key, label: `${t.name}（${t.phases.length} 个节点）` }));
  const templateKey = Form.useWatch('templateKey', form) ?? templates.data?.[0]?.key;
  useEffect(() => {
    const first = templates.data?.[0];
    if (first && !form.getFieldValue('templateKey')) form.setFieldValue('templateKey', first.key);
  }, [templates.data, form]);

  const showServerErrors = (error: ApiError) => {
    const fields = error.body.fields ?? [];
    const onForm = fields.filter((f) => f.path !== '');
    showFieldErrors(form as FormInstance, onForm.map((f) => ({ name: pathToName(f.path), message: f.message })));
    setFormError([error.message, ...fields.filter((f) => f.path === '' || f.path === 'milestones' || f.path === 'pilot').map((f) => f.message)].join('；'));
  };

  const generate = async () => {
    setFormError(null);
    const values = form.getFieldsValue(true) as CreateFormValues;
    const body = {
      templateKey: templateKey ?? '',
      startDate: values.startDate?.format(DATE) ?? '',
      deadline: values.deadline?.format(DATE) ?? '',
    };
    const parsed = ZTimetablePreviewBody.safeParse(body);
    if (!parsed.success) {
      showFieldErrors(
        form as FormInstance,
        parsed.error.issues.map((issue) => ({ name: [String(issue.path[0] ?? 'deadline')], message: issue.message })),
      );
      return;
    }
    try {
      const result = await preview.mutateAsync(parsed.data);
      form.setFieldValue(
        'milestones',
        result.milestones.map((m) => ({ name: m.name, phase: m.phase, dueDate: dayjs(m.dueDate, DATE) })),
      );
      form.setFields([{ name: 'milestones', errors: [] }, { name: 'deadline', errors: [] }]);
      message.success(`已按模板倒排生成 ${result.milestones.length} 个节点，可继续修改`);
    } catch (error) {
      if (isApiError(error, 400) && error.body.fields?.length) {
        showFieldErrors(
          form as FormInstance,
          error.body.fields.map((f) => ({ name: f.path === 'templateKey' ? ['templateKey'] : pathToName(f.path), message: f.message })),
        );
      } else setFormError(error instanceof Error ? error.message : '生成失败，请重试');
    }
  };

  const save = async () => {
    setFormError(null);
    const values = form.getFieldsValue(true) as CreateFormValues;
    const { data, issues } = validator.validate(values);
    if (!data) {
      showFieldErrors(form as FormInstance, issues);
      const general = issues.filter((issue) => issue.name.length <= 1 && ['milestones', 'pilot', ''].includes(String(issue.name[0] ?? '')));
      setFormError(general.length > 0 ? general.map((issue) => issue.message).join('；') : '请检查标出的字段');
      return;
    }
    try {
      const task = await create.mutateAsync(toCreateInput(values));
      message.success(`已新建任务，编号 ${task.code}`);
      onCreated(task);
    } catch (error) {
      if (isApiError(error, 400)) showServerErrors(error);
      else setFormError(error instanceof Error ? error.message : '保存失败，请重试');
    }
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
    <Form<CreateFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={save}
      onValuesChange={onValuesChange}
      scrollToFirstError
      onKeyDown={keepEnterFromSubmitting}
      data-testid="task-create-form"
      aria-label="新建任务"
    >
      {formError && <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />}

      <Form.Item name="list" label="清单" style={{ marginBottom: 0 }}>
        <Segmented
          aria-label="清单"
          options={TaskListEnum.values.map((value) => ({ value, label: TaskListEnum.labels[value] }))}
        />
      </Form.Item>

      <Section title="基本信息">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="title" label="任务名称" rules={rule(['title'])} required>
              <Input maxLength={200} showCount />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="field" label="领域" rules={rule(['field'])} required>
              <Input maxLength={50} placeholder="如：科技创新" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="level" label="层级">
              <Select options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="priority" label="优先级">
              <Select options={TaskPriorityEnum.values.map((value) => ({ value, label: TaskPriorityEnum.labels[value] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="status" label="状态">
              <Select options={[{ value: 'active', label: '推进中' }, { value: 'draft', label: '草拟' }]} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="year" label="年度" rules={rule(['year'])} required>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="batch" label="批次">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tags" label="标签">
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} placeholder="输入后回车，如：改革名片" />
            </Form.Item>
          </Col>
          {list !== 'pilot' && <ListOwnFields list={list} rule={rule} unitTree={unitTree} loading={units.isPending} />}
        </Row>
      </Section>

      {list === 'pilot' && (
        <Section title={taskEditableFieldLabels.pilot}>
          <PilotFields rule={rule} counties={counties} loading={units.isPending} />
        </Section>
      )}

      <Section title="任务书">
        <Form.Item name="objective" label="工作目标">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label="主要举措（按顺序）">
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start">
                    <Typography.Text style={{ width: 24, lineHeight: '32px', flex: 'none' }}>{index + 1}.</Typography.Text>
                    <Form.Item name={field.name} rules={rule(['measures', field.name])} style={{ flex: 1, marginBottom: 8 }}>
                      <Input.TextArea aria-label={`举措 ${index + 1}`} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={`删除举措 ${index + 1}`} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 50}>
                  添加举措
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="预期成果">
          <OutcomesEditor rule={rule} />
        </Form.Item>
        <Form.Item name="acceptanceCriteria" label="验收标准">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label="依据文件">
          <SourceDocumentsEditor rule={rule} />
        </Form.Item>
      </Section>

      <Section title="责任状（四个一）">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="leadLeader" label="领衔领导">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="leadUnitId" label="牵头单位" rules={rule(['leadUnitId'])} required>
              <TreeSelect
                aria-label="牵头单位"
                treeData={unitTree}
                showSearch={{ treeNodeFilterProp: 'title' }}
                loading={units.isPending}
                popupMatchSelectWidth={false}
                placeholder="选择牵头单位"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="specialGroupId" label="专项小组">
              <Select allowClear options={specialGroups} loading={units.isPending} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="cooperatingUnitIds" label="配合单位" rules={rule(['cooperatingUnitIds'])}>
              <TreeSelect multiple treeData={unitTree} showSearch={{ treeNodeFilterProp: 'title' }} loading={units.isPending} placeholder="选择配合单位" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contactName" label="联系人">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contactPhone" label="联系电话">
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title="时间表（倒排工期）">
        <Row gutter={16} align="bottom">
          <Col xs={12} md={6}>
            <Form.Item name="startDate" label="开始日期" rules={rule(['startDate'])} required>
              <DatePicker aria-label="开始日期" format={DATE} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="deadline" label="完成时限" rules={rule(['deadline'])} dependencies={['startDate']} required>
              <DatePicker aria-label="完成时限" format={DATE} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
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
          <Form.List name="milestones">
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
    </Form>
  );
}
