import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZMilestonesPutBody, type TMilestonesPutBody, type TTaskDetail } from '@reform/contracts';
import { App, Button, DatePicker, Flex, Form, Grid, Input, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { usePutMilestones } from '../api/timetable';
import { useTaskSubmit } from './use-task-submit';
import { EntryForm } from '@/lib/entry-form';

const DATE = 'YYYY-MM-DD';

interface EditorRow {
  /** Stable while rows are added and removed; dependencies point at it, not at a position. */
  key: string;
  id?: number;
  name: string;
  phase: string;
  dueDate: Dayjs | null;
  dependsOn: string | null;
}

interface EditorValues {
  milestones: EditorRow[];
}

function toRows(task: TTaskDetail): EditorRow[] {
  const sorted = [...task.milestones].sort((a, b) => a.seq - b.seq);
  return sorted.map((m) => ({
    key: `m${m.id}`,
    id: m.id,
    name: m.name,
    phase: m.phase,
    dueDate: dayjs(m.dueDate, DATE),
    dependsOn: m.dependsOnId === null ? null : `m${m.dependsOnId}`,
  }));
}

/** The rows as the PUT body: a dependency becomes the index of an earlier row (or null if it is gone). */
export function toPutBody(rows: readonly EditorRow[], version: number): TMilestonesPutBody {
  const indexOf = new Map(rows.map((row, index) => [row.key, index]));
  return {
    version,
    milestones: rows.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      name: row.name ?? '',
      phase: row.phase ?? '',
      dueDate: row.dueDate ? row.dueDate.format(DATE) : '',
      dependsOn: row.dependsOn ? (indexOf.get(row.dependsOn) ?? null) : null,
    })),
  };
}

interface MilestonesEditorProps {
  task: TTaskDetail;
  onDone: () => void;
}

let nextKey = 0;

/** Inline editing of the milestones before the timetable's baseline is approved. */
export function MilestonesEditor({ task, onDone }: MilestonesEditorProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  // On a phone a milestone takes two lines: its name, then phase, date and the rest.
  const narrow = Grid.useBreakpoint().md === false;
  const put = usePutMilestones(task.id);
  // A row's message (`milestones.2.dueDate`) is shown on that row's field.
  const { check, submit: send, errorAlert } = useTaskSubmit(task.id, form as FormInstance, onDone, {
    conflictMessage: '时间表已被他人修改，已载入最新版本，请重新编辑',
  });
  const [initial] = useState(() => ({ milestones: toRows(task) }));

  const save = async (values: EditorValues) => {
    const rows = (form.getFieldValue('milestones') as EditorRow[] | undefined) ?? values.milestones ?? [];
    const body = toPutBody(rows, task.version);
    if (!check(ZMilestonesPutBody, body)) return;
    await send(
      () => put.mutateAsync(body),
      () => {
        message.success('时间节点已保存');
        onDone();
      },
    );
  };

  return (
    <EntryForm<EditorValues>
      form={form}
      initialValues={initial}
      onFinish={save}
      data-testid="milestones-editor"
      aria-label="编辑时间节点"
    >
      {errorAlert({ marginBottom: 12 })}
      <Typography.Paragraph type="secondary">
        节点日期须在 {task.startDate} 至 {task.deadline} 之间；「前置节点」只能选择排在前面且不晚于本节点的节点。
      </Typography.Paragraph>
      <Form.List name="milestones">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Form.Item noStyle key={field.key} shouldUpdate>
                {() => {
                  const rows = (form.getFieldValue('milestones') as EditorRow[] | undefined) ?? [];
                  const earlier = rows.slice(0, index).map((row, i) => ({ value: row.key, label: `${i + 1}. ${row.name || '（未命名）'}` }));
                  return (
                    <Flex gap={8} wrap align="flex-start" style={{ marginBottom: 4 }} data-testid={`milestone-edit-${index}`}>
                      <Typography.Text style={{ width: 24, lineHeight: '32px' }}>{index + 1}.</Typography.Text>
                      <Form.Item name={[field.name, 'name']} style={{ flex: narrow ? '1 1 calc(100% - 40px)' : '2 1 200px', marginBottom: 8 }}>
                        <Input aria-label={`节点 ${index + 1} 名称`} placeholder="节点名称" maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'phase']} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                        <Input aria-label={`节点 ${index + 1} 阶段`} placeholder="阶段" maxLength={50} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'dueDate']} style={{ flex: '0 1 150px', marginBottom: 8 }}>
                        <DatePicker aria-label={`节点 ${index + 1} 日期`} format={DATE} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'dependsOn']} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                        <Select
                          aria-label={`节点 ${index + 1} 前置节点`}
                          placeholder="前置节点（无）"
                          allowClear
                          options={earlier}
                          disabled={earlier.length === 0}
                          popupMatchSelectWidth={false}
                        />
                      </Form.Item>
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除节点 ${index + 1}`}
                        onClick={() => remove(field.name)}
                        disabled={fields.length <= 1}
                      />
                    </Flex>
                  );
                }}
              </Form.Item>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= 30}
              onClick={() => add({ key: `new${++nextKey}`, name: '', phase: '', dueDate: dayjs(task.deadline, DATE), dependsOn: null })}
            >
              添加节点
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Space>
          <Button onClick={onDone}>取消</Button>
          <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="save-milestones">
            保存节点
          </Button>
        </Space>
      </Flex>
    </EntryForm>
  );
}
