import { TaskListEnum, type TaskList } from '@reform/contracts';
import { Breadcrumb, Button, Card, Result, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan, useUser } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { TaskCreateForm } from '../components/task-create-form';

export function TaskNewRoute() {
  usePageTitle('新建任务');
  const navigate = useNavigate();
  const user = useUser();
  const canCreate = useCan('tasks:create');
  const [params] = useSearchParams();
  const listParam = params.get('list');
  const initialList = (TaskListEnum.values as readonly string[]).includes(listParam ?? '') ? (listParam as TaskList) : 'mandate';

  if (user.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/tasks">任务清单</Link> }, { title: '新建任务' }]} />
      {canCreate ? (
        <>
          <Typography.Title level={4} style={{ margin: '0 0 12px' }}>
            新建任务
          </Typography.Title>
          <TaskCreateForm
            initialList={initialList}
            onCreated={(task) => navigate(`/tasks/${task.id}`)}
            onCancel={() => navigate('/tasks')}
          />
        </>
      ) : (
        <Card>
          <Result
            status="403"
            title="您无权新建任务"
            subTitle="任务由市委改革办和县（市、区）改革办新建。"
            extra={
              <Link to="/tasks">
                <Button type="primary">返回任务清单</Button>
              </Link>
            }
          />
        </Card>
      )}
    </>
  );
}
