import { ZRectificationCreateBody, type TInspection, type TRectificationCreateBody } from '@reform/contracts';
import { App, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSubmit } from '@/lib/use-submit';
import { toTreeOptions, useUnits } from '@/lib/units';
import { useAddRectification } from '../api/supervision';
import { EntryForm } from '@/lib/entry-form';

const DATE = 'YYYY-MM-DD';

interface Values {
  description: string;
  ownerUnitId: number | null;
  deadline: Dayjs | null;
  taskId: number | null;
}

const labels: Record<string, string> = { description: '整改事项', ownerUnitId: '责任单位', deadline: '整改期限', taskId: '关联任务' };

/** 下发整改事项: one finding as an item with its owner unit, deadline and task. */
export function RectificationCreateModal({ inspection, onClose }: { inspection: TInspection; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const add = useAddRectification(inspection.id);
  const { check, submit, errorAlert, pending } = useSubmit({ form, labels: (name) => labels[String(name[0])] });

  const send = async (values: Values) => {
    const body: TRectificationCreateBody = {
      description: values.description ?? '',
      ownerUnitId: values.ownerUnitId ?? 0,
      deadline: values.deadline?.format(DATE) ?? '',
      ...(values.taskId ? { taskId: values.taskId } : {}),
    };
    if (!values.ownerUnitId) {
      form.setFields([{ name: 'ownerUnitId', errors: ['请选择责任单位'] }]);
      return;
    }
    if (!check(ZRectificationCreateBody, body)) return;
    await submit(
      () => add.mutateAsync(body),
      () => {
        message.success('整改事项已下发');
        onClose();
      },
    );
  };

  return (
    <Modal open title="下发整改事项" okText="下发" cancelText="取消" onOk={() => form.submit()} confirmLoading={pending} onCancel={onClose} destroyOnHidden width={640}>
      <EntryForm<Values>
        form={form}
        onFinish={send}
        initialValues={{ description: '', ownerUnitId: null, deadline: null, taskId: inspection.tasks.length === 1 ? inspection.tasks[0]!.id : null }}
        data-testid="rectification-form"
      >
        {errorAlert({ marginBottom: 12 })}
        <Form.Item name="description" label={labels.description} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={labels.ownerUnitId} required>
          <TreeSelect
            aria-label={labels.ownerUnitId}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll={false}
            placeholder="选择责任单位"
            loading={units.isPending}
            treeData={toTreeOptions(units.data ?? [])}
          />
        </Form.Item>
        <Form.Item name="deadline" label={labels.deadline} required extra={`不早于督察日期 ${inspection.inspectedOn}`}>
          <DatePicker format={DATE} aria-label={labels.deadline} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="taskId" label={labels.taskId}>
          <Select
            aria-label={labels.taskId}
            allowClear
            placeholder="可不关联"
            options={inspection.tasks.map((task) => ({ value: task.id, label: `${task.code} ${task.title}` }))}
          />
        </Form.Item>
      </EntryForm>
    </Modal>
  );
}
