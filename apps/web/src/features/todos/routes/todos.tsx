import { AuditOutlined, CheckOutlined, FileTextOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { TTodo } from '@reform/contracts';
import { App, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@reform/domain';
import { usePageTitle } from '@/lib/use-page-title';
import { useCompleteTodo } from '../api/complete-todo';
import { useTodos } from '../api/get-todos';

function keyOf(todo: TTodo): string {
  switch (todo.kind) {
    case 'mention':
      return `comment-${todo.commentId}`;
    case 'adjustment':
      return `adjustment-${todo.adjustmentId}`;
    case 'rectification':
    case 'rectification-review':
      return `${todo.kind}-${todo.rectificationId}`;
    default:
      return `${todo.kind}-${todo.reportId}`;
  }
}

const isReport = (todo: TTodo) => todo.kind === 'report-fill' || todo.kind === 'report-returned' || todo.kind === 'report-review';

const reportTags = {
  'report-fill': { color: 'gold', label: '季度报告待填报' },
  'report-returned': { color: 'red', label: '季度报告被退回' },
  'report-review': { color: 'blue', label: '季度报告待审核' },
} as const;

/** Where a to-do is handled: the task's comments or timetable, or the rectification items. */
const linkOf = (todo: TTodo): string | null => {
  if (todo.kind === 'rectification' || todo.kind === 'rectification-review') return todo.task ? `/tasks/${todo.task.id}#timetable` : null;
  if (todo.kind === 'report-fill' || todo.kind === 'report-returned' || todo.kind === 'report-review') return `/reports/${todo.reportId}`;
  return `/tasks/${todo.task.id}#${todo.kind === 'adjustment' ? 'timetable' : 'comments'}`;
};

/** Marks a mention handled; an adjustment request leaves the list only when it is decided, on the task's timetable. */
function TodoAction({ todo }: { todo: TTodo }) {
  const { message } = App.useApp();
  const complete = useCompleteTodo();
  const navigate = useNavigate();
  if (todo.kind === 'rectification' || todo.kind === 'rectification-review') {
    return (
      <Button icon={<AuditOutlined />} onClick={() => navigate(todo.kind === 'rectification' ? '/rectifications?status=open' : '/rectifications?status=responded')}>
        {todo.kind === 'rectification' ? '去反馈' : '去销号'}
      </Button>
    );
  }
  if (todo.kind === 'report-fill' || todo.kind === 'report-returned' || todo.kind === 'report-review') {
    return (
      <Button icon={<FileTextOutlined />} onClick={() => navigate(`/reports/${todo.reportId}`)}>
        {todo.kind === 'report-review' ? '去审核' : '去填报'}
      </Button>
    );
  }
  if (todo.kind === 'adjustment') {
    return (
      <Button icon={<ScheduleOutlined />} onClick={() => navigate(`/tasks/${todo.task.id}#timetable`)}>
        去审批
      </Button>
    );
  }
  return (
    <Button
      icon={<CheckOutlined />}
      loading={complete.isPending}
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
  );
}

/** 待办: comments that mention the user's unit and are not yet handled, and adjustment requests waiting for the user's decision. */
export function TodosRoute() {
  usePageTitle('待办');
  const todos = useTodos();

  return (
    <Card
      title={
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            待办
          </Typography.Title>
          {todos.data && <Typography.Text type="secondary">{todos.data.length} 项：提及本单位的评论、待审批的调整申请、到期的整改事项、季度报告</Typography.Text>}
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
            <li key={keyOf(todo)} data-testid="todo" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" gap={12} wrap align="flex-start">
                <div style={{ minWidth: 0, flex: '1 1 320px' }}>
                  {todo.kind === 'adjustment' && <Tag color="orange">调整申请待审批</Tag>}
                  {todo.kind === 'rectification' && (
                    <Tag color={todo.overdueDays > 0 ? 'red' : 'gold'}>
                      {todo.overdueDays > 0 ? `整改逾期 ${todo.overdueDays} 天` : `整改事项 ${todo.deadline} 到期`}
                    </Tag>
                  )}
                  {todo.kind === 'rectification-review' && <Tag color="blue">整改已反馈待销号</Tag>}
                  {(todo.kind === 'report-fill' || todo.kind === 'report-returned' || todo.kind === 'report-review') && (
                    <Tag color={reportTags[todo.kind].color}>
                      {reportTags[todo.kind].label}
                      {todo.late ? '（逾期）' : ''}
                    </Tag>
                  )}
                  {todo.task && (
                    <Link to={linkOf(todo) ?? '/todos'}>
                      <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                        {todo.task.code}
                      </Typography.Text>
                      {todo.task.title}
                    </Link>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {todo.author.displayName}（{todo.author.unitName}）· {formatDateTime(todo.createdAt)}
                    </Typography.Text>
                  </div>
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                    {todo.kind === 'adjustment'
                      ? `调整理由：${todo.body}`
                      : todo.kind === 'mention' || isReport(todo)
                        ? todo.body
                        : `整改事项：${todo.body}`}
                  </Typography.Paragraph>
                </div>
                <TodoAction todo={todo} />
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
