import { ZTaskDetail, editableFieldsOf, frozenFieldMessages, type TTaskDetail, type TTaskEditableField } from '@reform/contracts';
import { Alert, App, Button, Card, Flex, Form, Modal, Row, Space, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker } from 'react-router';
import type { ApiError } from '@/lib/api-client';
import { useSubmit } from '@/lib/use-submit';
import { createZodValidator, type FieldPath } from '@/lib/zod-form';
import { getTask } from '../api/get-task';
import { useUpdateTask } from '../api/update-task';
import {
  buildEditSchema,
  changedFields,
  fromFormValues,
  listFieldNames,
  pickFields,
  reapplyChanges,
  taskFormLabel,
  toFormValues,
  type TaskFormValues,
} from '../lib/task-form-values';
import { ConflictModal, type Conflict } from './conflict-modal';
import { BasicSection, DateFields, ListSection, ResponsibilitySection, Section, TaskBookSection } from './task-form-sections';
import { useUnitOptions } from './use-unit-options';
import { EntryForm } from '@/lib/entry-form';

interface TaskEditFormProps {
  task: TTaskDetail;
  onSaved: (task: TTaskDetail) => void;
  onCancel: () => void;
}

export function TaskEditForm({ task, onSaved, onCancel }: TaskEditFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskFormValues>();
  const update = useUpdateTask(task.id);

  // The version being edited: the task as loaded, or the other person's version after a conflict.
  const [base, setBase] = useState(task);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const leaving = useRef(false);

  // The fields of this task's list; of those, the ones the server lets this user change.
  const listFields = useMemo(() => listFieldNames(base.list), [base.list]);
  const editable = useMemo(
    () => listFields.filter((name) => base.permissions.editableFields.includes(name)),
    [listFields, base.permissions.editableFields],
  );
  const baseFields = useMemo(() => editableFieldsOf(base), [base]);
  const validator = useMemo(
    () =>
      createZodValidator(
        buildEditSchema(editable, baseFields),
        (values: TaskFormValues) => pickFields(fromFormValues(values), editable),
        taskFormLabel,
      ),
    [editable, baseFields],
  );
  const rule = (name: FieldPath) => [validator.rule(form, name)];
  const isDisabled = (name: TTaskEditableField) => !editable.includes(name);
  // Dates of an approved timetable: the server refuses them here; they move by an adjustment request.
  const frozen = base.permissions.frozenFields;

  const others = (t: TTaskDetail) => [t.originatingUnit, ...t.cooperatingUnits];
  const units = useUnitOptions({
    leadUnit: base.leadUnit,
    specialGroup: base.specialGroup,
    applyingCounty: base.pilot?.applyingCounty,
    others: [...others(base), ...(conflict ? [conflict.current.leadUnit, conflict.current.specialGroup, ...others(conflict.current)] : [])],
  });

  const currentValues = () => fromFormValues(form.getFieldsValue(true) as TaskFormValues);
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

  const loadIntoForm = (values: TaskFormValues) => {
    form.resetFields();
    form.setFieldsValue(values);
  };

  const handleConflict = async (error: ApiError, mine: Conflict['mine']) => {
    const parsed = ZTaskDetail.safeParse(error.body.current);
    // Without the current record in the answer, fetch it: the comparison needs their values.
    const current = parsed.success ? parsed.data : await getTask(task.id);
    setConflict({ current, mine, myChanges: changedFields(baseFields, mine) });
  };
  const { submit, showIssues, errorAlert } = useSubmit({
    form: form as FormInstance,
    onConflict: (error) => handleConflict(error, pickFields(currentValues(), editable)),
  });

  const save = async (values: TaskFormValues) => {
    const { data, issues } = validator.validate(values);
    if (!data) {
      showIssues(issues);
      return;
    }
    const changes = changedFields(baseFields, data);
    if (Object.keys(changes).length === 0) {
      message.info('没有要保存的修改');
      return;
    }
    await submit(
      () => update.mutateAsync({ ...changes, version: base.version }),
      (saved) => {
        leaving.current = true;
        setDirty(false);
        message.success('已保存');
        onSaved(saved);
      },
    );
  };

  const loadLatest = () => {
    if (!conflict) return;
    setBase(conflict.current);
    loadIntoForm(toFormValues(editableFieldsOf(conflict.current)));
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

  const initialValues = useMemo(() => toFormValues(editableFieldsOf(task)), [task]);
  return (
    <>
      <EntryForm<TaskFormValues>
        form={form}
        initialValues={initialValues}
        onFinish={save}
        onValuesChange={refreshDirty}
        data-testid="task-edit-form"
        aria-label="编辑任务"
      >
        {errorAlert()}
        {editable.length + frozen.length < listFields.length && (
          <Alert
            type="info"
            showIcon
            title="灰色字段由改革办维护，您所在单位不能修改。"
            style={{ marginBottom: 8 }}
          />
        )}

        <BasicSection rule={rule} isDisabled={isDisabled} />
        <ListSection
          list={base.list}
          rule={rule}
          isDisabled={isDisabled}
          unitTree={units.unitTree}
          counties={units.counties}
          loading={units.loading}
        />
        <TaskBookSection rule={rule} isDisabled={isDisabled} onRowsChange={refreshDirty} withDelivered />

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
            <DateFields rule={rule} isDisabled={isDisabled} />
          </Row>
        </Section>

        <ResponsibilitySection
          rule={rule}
          isDisabled={isDisabled}
          leadUnits={units.leadUnits}
          unitTree={units.unitTree}
          specialGroups={units.specialGroups}
          loading={units.loading}
        />

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
      </EntryForm>

      <ConflictModal conflict={conflict} unitName={units.unitName} onLoadLatest={loadLatest} onReapply={reapply} />

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
