import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@reform/domain';
import { usePageTitle } from '@/lib/use-page-title';
import { useCompleteTodo } from '../api/complete-todo';
import { useTodos } from '../api/get-todos';

/** 待办: comments that mention the user's unit and are not yet handled. */
export function TodosRoute() {
  usePageTitle('待办');
  const { message } = App.useApp();
  const todos = useTodos();
  const complete = useCompleteTodo();

  return (
    <Card
      title={
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            待办
          </Typography.Title>
          {todos.data && <Typography.Text type="secondary">本单位被提及、尚未处理的 {todos.data.length} 条评论</Typography.Text>}
        </Space>
      }
    >
      {todos.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : todos.isError ? (
        <ErrorState error={todos.error} onRetry={() => todos.refetch()} title="待办加载失败" />
      ) : todos.data.length === 0 ? (
        <Empty description="没有待办事项" />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="待办列表">
          {todos.data.map((todo) => (
            <li key={todo.commentId} data-testid="todo" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" gap={12} wrap align="flex-start">
                <div style={{ minWidth: 0, flex: '1 1 320px' }}>
                  <Link to={`/tasks/${todo.task.id}#comments`}>
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                      {todo.task.code}
                    </Typography.Text>
                    {todo.task.title}
                  </Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {todo.author.displayName}（{todo.author.unitName}）· {formatDateTime(todo.createdAt)}
                    </Typography.Text>
                  </div>
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{todo.body}</Typography.Paragraph>
                </div>
                <Button
                  icon={<CheckOutlined />}
                  loading={complete.isPending && complete.variables === todo.commentId}
                  onClick={async () => {
                    try {
                      await complete.mutateAsync(todo.commentId);
                      message.success('已标记为已处理');
                    } catch (error) {
                      message.error(error instanceof Error ? error.message : '操作失败');
                    }
                  }}
                >
                  标记已处理
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
