import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  TaskListEnum,
  TaskPriorityEnum,
  ZTaskDetail,
  frozenFieldMessages,
  type TTaskDetail,
  type TTaskEditableField,
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
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  TreeSelect,
  Typography,
  type FormInstance,
} from 'antd';
import { useEffect, useMemo, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Link, useBlocker } from 'react-router';
import { isApiError, type ApiError } from '@/lib/api-client';
import { countyOptions, flattenUnits, toTreeOptions, useUnits, withKnownUnits } from '@/lib/units';
import { createZodValidator, keepEnterFromSubmitting, pathToName, showFieldErrors, type FieldPath } from '@/lib/zod-form';
import { getTask } from '../api/get-task';
import { useUpdateTask } from '../api/update-task';
import {
  buildEditSchema,
  changedFields,
  editableFieldNames,
  editableOf,
  fieldLabels,
  fromFormValues,
  listFieldNames,
  pickFields,
  reapplyChanges,
  toFormValues,
  type EditFormValues,
} from '../lib/edit-values';
import { levelOptions } from '../lib/level-options';
import { ConflictModal, type Conflict } from './conflict-modal';
import { ListOwnFields, PilotFields } from './list-fields';
import { OutcomesEditor, SourceDocumentsEditor } from './task-book-editors';

interface TaskEditFormProps {
  task: TTaskDetail;
  onSaved: (task: TTaskDetail) => void;
  onCancel: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginTop: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      {children}
    </Card>
  );
}

export function TaskEditForm({ task, onSaved, onCancel }: TaskEditFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditFormValues>();
  const units = useUnits();
  const update = useUpdateTask(task.id);

  // The version being edited: the task as loaded, or the other person's version after a conflict.
  const [base, setBase] = useState(task);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const leaving = useRef(false);

  // The fields of this task's list; of those, the ones the server lets this user change.
  const listFields = useMemo(() => listFieldNames(base.list), [base.list]);
  const editable = useMemo(
    () => listFields.filter((name) => base.permissions.editableFields.includes(name)),
    [listFields, base.permissions.editableFields],
  );
  const baseFields = useMemo(() => editableOf(base), [base]);
  const validator = useMemo(
    () =>
      createZodValidator(buildEditSchema(editable, baseFields), (values: EditFormValues) =>
        pickFields(fromFormValues(values), editable),
      ),
    [editable, baseFields],
  );
  const rule = (name: FieldPath) => [validator.rule(form, name)];
  const isDisabled = (name: TTaskEditableField) => !editable.includes(name);
  // Dates of an approved timetable: the server refuses them here; they move by an adjustment request.
  const frozen = base.permissions.frozenFields;

  const unitsOf = (t: TTaskDetail) => [t.leadUnit, t.specialGroup, t.originatingUnit, t.pilot?.applyingCounty, ...t.cooperatingUnits];
  const unitTree = useMemo(
    () => withKnownUnits(toTreeOptions(units.data ?? []), [...unitsOf(base), ...(conflict ? unitsOf(conflict.current) : [])]),
    [units.data, base, conflict],
  );
  const counties = useMemo(
    () => withKnownUnits(countyOptions(units.data ?? []), [base.pilot?.applyingCounty]),
    [units.data, base.pilot?.applyingCounty],
  );
  const unitNames = useMemo(() => {
    const names = new Map<number, string>();
    const visit = (options: typeof unitTree) => {
      for (const option of options) {
        names.set(option.value, option.title);
        visit(option.children);
      }
    };
    visit(unitTree);
    return names;
  }, [unitTree]);
  const unitName = (id: number) => unitNames.get(id) ?? `单位 #${id}`;
  const specialGroups = useMemo(() => {
    const groups = flattenUnits(units.data ?? []).filter((unit) => unit.kind === 'special_group');
    const known = base.specialGroup && !groups.some((g) => g.id === base.specialGroup?.id) ? [base.specialGroup] : [];
    return [...groups, ...known].map((unit) => ({ value: unit.id, label: unit.name }));
  }, [units.data, base.specialGroup]);

  const currentValues = () => fromFormValues(form.getFieldsValue(true) as EditFormValues);
  const refreshDirty = () => setDirty(Object.keys(changedFields(baseFields, pickFields(currentValues(), editable))).length > 0);

  // Leaving with unsaved changes asks first: inside the app (router) and when closing the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const loadIntoForm = (values: EditFormValues) => {
    form.resetFields();
    form.setFieldsValue(values);
  };

  const showServerFieldErrors = (error: ApiError) => {
    const known = new Set<string>(editableFieldNames);
    const fields = (error.body.fields ?? []).filter((field) => known.has(field.path.split('.')[0] ?? ''));
    showFieldErrors(form as FormInstance, fields.map((field) => ({ name: pathToName(field.path), message: field.message })));
    const others = (error.body.fields ?? []).filter((field) => !fields.includes(field));
    setFormError([error.message, ...others.map((field) => field.message)].join('；'));
  };

  const handleConflict = async (error: ApiError, mine: Conflict['mine']) => {
    const parsed = ZTaskDetail.safeParse(error.body.current);
    // Without the current record in the answer, fetch it: the comparison needs their values.
    const current = parsed.success ? parsed.data : await getTask(task.id);
    setConflict({ current, mine, myChanges: changedFields(baseFields, mine) });
  };

  const save = async (values: EditFormValues) => {
    setFormError(null);
    const { data, issues } = validator.validate(values);
    if (!data) {
      showFieldErrors(form as FormInstance, issues);
      return;
    }
    const changes = changedFields(baseFields, data);
    if (Object.keys(changes).length === 0) {
      message.info('没有要保存的修改');
      return;
    }
    try {
      const saved = await update.mutateAsync({ ...changes, version: base.version });
      leaving.current = true;
      setDirty(false);
      message.success('已保存');
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 409)) await handleConflict(error, pickFields(fromFormValues(values), editable));
      else if (isApiError(error, 400)) showServerFieldErrors(error);
      else setFormError(error instanceof Error ? error.message : '保存失败，请重试');
    }
  };

  const loadLatest = () => {
    if (!conflict) return;
    setBase(conflict.current);
    loadIntoForm(toFormValues(editableOf(conflict.current)));
    setDirty(false);
    setConflict(null);
    message.info(`已载入第 ${conflict.current.version} 版`);
  };

  const reapply = () => {
    if (!conflict) return;
    const merged = reapplyChanges(conflict.current, conflict.myChanges);
    setBase(conflict.current);
    loadIntoForm(toFormValues(merged));
    setDirty(Object.keys(conflict.myChanges).length > 0);
    setConflict(null);
    message.info('已在最新版本上重新应用您的修改，请检查后保存');
  };

  const initialValues = useMemo(() => toFormValues(editableOf(task)), [task]);
  const item = (name: TTaskEditableField, extra: Partial<ComponentProps<typeof Form.Item>> = {}) => ({
    name,
    label: fieldLabels[name],
    rules: rule([name]),
    ...extra,
  });

  return (
    <>
      <Form<EditFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={save}
        onValuesChange={refreshDirty}
        scrollToFirstError
        onKeyDown={keepEnterFromSubmitting}
        data-testid="task-edit-form"
        aria-label="编辑任务"
      >
        {formError && <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />}
        {editable.length + frozen.length < listFields.length && (
          <Alert
            type="info"
            showIcon
            title="灰色字段由改革办维护，您所在单位不能修改。"
            style={{ marginBottom: 8 }}
          />
        )}

        <Section title="基本信息">
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item {...item('title')}>
                <Input disabled={isDisabled('title')} maxLength={200} showCount />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item {...item('field')}>
                <Input disabled={isDisabled('field')} maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item {...item('level')}>
                <Select disabled={isDisabled('level')} options={levelOptions} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item {...item('priority')}>
                <Select
                  disabled={isDisabled('priority')}
                  options={TaskPriorityEnum.values.map((value) => ({ value, label: TaskPriorityEnum.labels[value] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item {...item('year')}>
                <InputNumber disabled={isDisabled('year')} style={{ width: '100%' }} precision={0} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item {...item('batch')}>
                <Input disabled={isDisabled('batch')} maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item {...item('tags')}>
                <Select mode="tags" disabled={isDisabled('tags')} tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} placeholder="输入后回车" />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        {base.list === 'pilot' ? (
          <Section title={fieldLabels.pilot}>
            <PilotFields rule={rule} counties={counties} loading={units.isPending} disabled={isDisabled('pilot')} />
          </Section>
        ) : (
          <Section title={`${TaskListEnum.labels[base.list]}信息`}>
            <Row gutter={16} data-testid="list-fields">
              <ListOwnFields list={base.list} rule={rule} unitTree={unitTree} loading={units.isPending} disabled={isDisabled} />
            </Row>
          </Section>
        )}

        <Section title="任务书">
          <Form.Item {...item('objective')}>
            <Input.TextArea disabled={isDisabled('objective')} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Form.Item label={fieldLabels.measures} required={false}>
            <Form.List name="measures" rules={[{ validator: validator.check(form, ['measures']) }]}>
              {(fields, { add, remove, move }, { errors }) => (
                <>
                  <ol style={{ paddingInlineStart: 0, listStyle: 'none', margin: 0 }} data-testid="measures-editor">
                    {fields.map((field, index) => (
                      <li key={field.key}>
                        <Flex gap={8} align="flex-start">
                          <Typography.Text style={{ width: 28, lineHeight: '32px', flex: 'none' }}>{index + 1}.</Typography.Text>
                          <Form.Item
                            name={field.name}
                            rules={rule(['measures', field.name])}
                            style={{ flex: 1, marginBottom: 12 }}
                          >
                            <Input.TextArea
                              aria-label={`举措 ${index + 1}`}
                              disabled={isDisabled('measures')}
                              autoSize={{ minRows: 1, maxRows: 6 }}
                              maxLength={1000}
                            />
                          </Form.Item>
                          {!isDisabled('measures') && (
                            <Space.Compact>
                              <Button
                                icon={<ArrowUpOutlined />}
                                aria-label={`上移举措 ${index + 1}`}
                                disabled={index === 0}
                                onClick={() => {
                                  move(index, index - 1);
                                  refreshDirty();
                                }}
                              />
                              <Button
                                icon={<ArrowDownOutlined />}
                                aria-label={`下移举措 ${index + 1}`}
                                disabled={index === fields.length - 1}
                                onClick={() => {
                                  move(index, index + 1);
                                  refreshDirty();
                                }}
                              />
                              <Button
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={`删除举措 ${index + 1}`}
                                onClick={() => {
                                  remove(field.name);
                                  refreshDirty();
                                }}
                              />
                            </Space.Compact>
                          )}
                        </Flex>
                      </li>
                    ))}
                  </ol>
                  {!isDisabled('measures') && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 50}>
                      添加举措
                    </Button>
                  )}
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item label={fieldLabels.outcomes}>
            <OutcomesEditor rule={rule} disabled={isDisabled('outcomes')} onRowsChange={refreshDirty} withDelivered />
          </Form.Item>
          <Form.Item {...item('acceptanceCriteria')}>
            <Input.TextArea disabled={isDisabled('acceptanceCriteria')} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Form.Item label={fieldLabels.sourceDocuments}>
            <SourceDocumentsEditor rule={rule} disabled={isDisabled('sourceDocuments')} onRowsChange={refreshDirty} />
          </Form.Item>
        </Section>

        <Section title="时间表">
          {frozen.length > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="dates-frozen"
              title={frozenFieldMessages.deadline?.zh}
              action={
                base.permissions.canReportProgress && (
                  <Link to={`/tasks/${base.id}?adjust=1#timetable`}>
                    <Button size="small" data-testid="go-request-adjustment">
                      提交调整申请
                    </Button>
                  </Link>
                )
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item {...item('startDate')}>
                <DatePicker disabled={isDisabled('startDate')} style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item {...item('deadline', { dependencies: ['startDate'] })}>
                <DatePicker disabled={isDisabled('deadline')} style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="责任状">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item {...item('leadLeader')}>
                <Input disabled={isDisabled('leadLeader')} maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item {...item('leadUnitId')}>
                <TreeSelect
                  disabled={isDisabled('leadUnitId')}
                  treeData={unitTree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  loading={units.isPending}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item {...item('specialGroupId')}>
                <Select disabled={isDisabled('specialGroupId')} allowClear options={specialGroups} loading={units.isPending} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item {...item('cooperatingUnitIds')}>
                <TreeSelect
                  multiple
                  disabled={isDisabled('cooperatingUnitIds')}
                  treeData={unitTree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  loading={units.isPending}
                  placeholder="选择配合单位"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item {...item('contactName')}>
                <Input disabled={isDisabled('contactName')} maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item {...item('contactPhone')}>
                <Input disabled={isDisabled('contactPhone')} maxLength={30} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Card
          size="small"
          style={{ position: 'sticky', bottom: 0, marginTop: 16, zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
        >
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {dirty ? '有尚未保存的修改' : '尚未修改'} · 基于第 {base.version} 版
            </Typography.Text>
            <Space>
              <Button onClick={onCancel}>取消</Button>
              <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="save-task">
                保存
              </Button>
            </Space>
          </Flex>
        </Card>
      </Form>

      <ConflictModal conflict={conflict} unitName={unitName} onLoadLatest={loadLatest} onReapply={reapply} />

      <Modal
        open={blocker.state === 'blocked'}
        title="离开此页面？"
        okText="离开，放弃修改"
        cancelText="留在此页"
        okButtonProps={{ danger: true }}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        您有尚未保存的修改，离开后这些修改将丢失。
      </Modal>
    </>
  );
}
