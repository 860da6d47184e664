import { TaskListEnum, TaskStatusEnum, type TaskList, type TaskStatus } from '@reform/contracts';
import { Tag } from 'antd';

const listColors: Record<TaskList, string> = { mandate: 'red', pilot: 'blue', innovation: 'purple' };
const statusColors: Record<TaskStatus, string> = {
  draft: 'default',
  active: 'processing',
  suspended: 'warning',
  completed: 'success',
  closed: 'default',
};

export function ListTag({ list }: { list: TaskList }) {
  return (
    <Tag color={listColors[list]} style={{ marginInlineEnd: 0 }}>
      {TaskListEnum.labels[list]}
    </Tag>
  );
}

export function StatusTag({ status, testId }: { status: TaskStatus; testId?: string }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {TaskStatusEnum.labels[status]}
    </Tag>
  );
}
