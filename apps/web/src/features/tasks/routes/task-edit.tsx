import { Breadcrumb, Button, Card, Result, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { usePageTitle } from '@/lib/use-page-title';
import { useTask } from '../api/get-task';
import { TaskEditForm } from '../components/task-edit-form';
import { TaskNotFound } from '../components/task-not-found';

export function TaskEditRoute() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const task = useTask(id);
  usePageTitle(task.data ? `编辑 ${task.data.code}` : '编辑任务');

  if (!Number.isInteger(id) || id <= 0 || isApiError(task.error, 404)) return <TaskNotFound />;
  if (task.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (task.isError) return <ErrorState error={task.error} onRetry={() => task.refetch()} title="任务加载失败" />;

  const detail = task.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/tasks">任务清单</Link> },
          { title: <Link to={`/tasks/${detail.id}`}>{detail.code}</Link> },
          { title: '编辑' },
        ]}
      />
      {detail.permissions.canEdit ? (
        <>
          <Typography.Title level={4} style={{ margin: '0 0 12px' }}>
            编辑任务
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 12 }}>
              {detail.code} {detail.title}
            </Typography.Text>
          </Typography.Title>
          <TaskEditForm
            key={detail.id}
            task={detail}
            onSaved={() => navigate(`/tasks/${detail.id}`)}
            onCancel={() => navigate(`/tasks/${detail.id}`)}
          />
        </>
      ) : (
        <Card>
          <Result
            status="403"
            title="您无权编辑此任务"
            subTitle="任务由牵头单位和改革办维护；配合单位和领导可以查看任务详情，但不能修改。"
            extra={
              <Link to={`/tasks/${detail.id}`}>
                <Button type="primary">查看任务详情</Button>
              </Link>
            }
            data-testid="edit-forbidden"
          />
        </Card>
      )}
    </>
  );
}
