import { ZInspectionCreateBody, type TInspectionCreateBody } from '@reform/contracts';
import { todayInShanghai } from '@reform/domain';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSubmit } from '@/lib/use-submit';
import { useCreateInspection, useTaskChoices } from '../api/supervision';
import { EntryForm } from '@/lib/entry-form';

const DATE = 'YYYY-MM-DD';

interface Values {
  title: string;
  inspectedOn: Dayjs | null;
  inspectors: string;
  taskIds: number[];
  findings: string;
}

const labels: Record<string, string> = { title: '督察名称', inspectedOn: '督察日期', inspectors: '督察组成员', taskIds: '督察任务', findings: '发现问题' };

/** 记录督察: title, date, inspectors, the tasks looked at, and what was found; then on to add its rectification items. */
export function InspectionCreateModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const choices = useTaskChoices(q);
  const create = useCreateInspection();
  const { check, submit, errorAlert, pending } = useSubmit({
    form,
    toFieldName: (path) => (path[0] === 'taskIds' ? ['taskIds'] : path),
    labels: (name) => labels[String(name[0])],
  });

  const send = async (values: Values) => {
    const body: TInspectionCreateBody = {
      title: values.title ?? '',
      inspectedOn: values.inspectedOn?.format(DATE) ?? '',
      inspectors: values.inspectors ?? '',
      taskIds: values.taskIds ?? [],
      findings: values.findings ?? '',
    };
    if (!check(ZInspectionCreateBody, body)) return;
    await submit(
      () => create.mutateAsync(body),
      ({ id }) => {
        message.success('督察已记录，请逐条下发整改事项');
        onClose();
        navigate(`/inspections/${id}`);
      },
    );
  };

  return (
    <Modal open title="记录督察" okText="保存" cancelText="取消" onOk={() => form.submit()} confirmLoading={pending} onCancel={onClose} destroyOnHidden width={680}>
      <EntryForm<Values>
        form={form}
        onFinish={send}
        initialValues={{ title: '', inspectedOn: dayjs(todayInShanghai(), DATE), inspectors: '', taskIds: [], findings: '' }}
        data-testid="inspection-form"
      >
        {errorAlert({ marginBottom: 12 })}
        <Form.Item name="title" label={labels.title} required>
          <Input maxLength={200} placeholder="如：科技创新领域改革专项督察" />
        </Form.Item>
        <Form.Item name="inspectedOn" label={labels.inspectedOn} required>
          <DatePicker format={DATE} allowClear={false} aria-label={labels.inspectedOn} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="inspectors" label={labels.inspectors} required>
          <Input maxLength={500} placeholder="如：市委改革办督察组（李明、王芳）" />
        </Form.Item>
        <Form.Item name="taskIds" label={labels.taskIds} required extra="输入编号或关键词查找任务，可选多项">
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setQ }}
            aria-label={labels.taskIds}
            placeholder="查找任务"
            loading={choices.isFetching}
            notFoundContent={choices.isFetching ? '查找中…' : '没有找到任务'}
            options={(choices.data?.items ?? []).map((task) => ({ value: task.id, label: `${task.code} ${task.title}` }))}
          />
        </Form.Item>
        <Form.Item name="findings" label={labels.findings} required>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount placeholder="逐条写明发现的问题，每条问题随后下发为一项整改事项" />
        </Form.Item>
      </EntryForm>
    </Modal>
  );
}
