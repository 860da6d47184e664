import { Card, Flex, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { usePageTitle } from '@/lib/use-page-title';
import { useTasks } from '../api/get-tasks';
import { TaskFilters } from '../components/task-filters';
import { TasksTable } from '../components/tasks-table';
import { applyPatch, clearedFilters, hasFilters, parseListSearch, toListSearch, type ListPatch } from '../lib/list-search';

export function TasksRoute() {
  usePageTitle('任务清单');
  const [searchParams, setSearchParams] = useSearchParams();
  const query = parseListSearch(searchParams);
  const tasks = useTasks(query);

  const change = (patch: ListPatch, options: { replace?: boolean } = {}) =>
    setSearchParams(toListSearch(applyPatch(query, patch)), options);
  const clear = () => setSearchParams(toListSearch(clearedFilters(query)));

  return (
    <Card
      title={
        <Flex align="baseline" gap={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            任务清单
          </Typography.Title>
          {tasks.data && (
            <Typography.Text type="secondary" data-testid="task-total">
              共 {tasks.data.total} 项任务
            </Typography.Text>
          )}
        </Flex>
      }
      styles={{ body: { paddingTop: 16 } }}
    >
      <TaskFilters query={query} onChange={change} onReset={clear} />
      <div style={{ marginTop: 16 }}>
        {tasks.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} data-testid="tasks-loading" />
        ) : tasks.isError && !tasks.data ? (
          <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} title="任务清单加载失败" />
        ) : (
          <TasksTable
            items={tasks.data?.items ?? []}
            total={tasks.data?.total ?? 0}
            query={query}
            loading={tasks.isFetching}
            filtered={hasFilters(query)}
            onChange={change}
            onClearFilters={clear}
          />
        )}
      </div>
    </Card>
  );
}
