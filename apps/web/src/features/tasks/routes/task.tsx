import { Breadcrumb, Card, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { usePageTitle } from '@/lib/use-page-title';
import { useTask } from '../api/get-task';
import { TaskDetailView } from '../components/task-detail-view';
import { TaskNotFound } from '../components/task-not-found';

export function TaskRoute() {
  const id = Number(useParams().id);
  const task = useTask(id);
  usePageTitle(task.data ? `${task.data.code} ${task.data.title}` : '任务详情');

  if (!Number.isInteger(id) || id <= 0 || isApiError(task.error, 404)) return <TaskNotFound />;

  return (
    <>
      <Breadcrumb
        className="no-print"
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/tasks">任务清单</Link> }, { title: task.data?.code ?? '任务详情' }]}
      />
      {task.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : task.isError ? (
        <ErrorState error={task.error} onRetry={() => task.refetch()} title="任务加载失败" />
      ) : (
        <TaskDetailView task={task.data} />
      )}
    </>
  );
}
