import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { FigureKeyEnum } from '@reform/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Skeleton, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '@/lib/auth';
import { ErrorState } from '@/components/error-state';
import { getUnitsQueryOptions } from '@/lib/units';
import { usePageTitle } from '@/lib/use-page-title';
import { getTaskFacetsQueryOptions } from '../api/get-task-facets';
import { getTasksQueryOptions, useTasks } from '../api/get-tasks';
import { TaskFilters } from '../components/task-filters';
import { TasksTable } from '../components/tasks-table';
import { applyPatch, clearedFilters, exportHref, hasFilters, parseListSearch, toListSearch, type ListPatch } from '../lib/list-search';

/** The page, its filters' facets and the unit tree are asked for as soon as this code arrives, before the first render. */
export function prefetchTasks(queryClient: QueryClient, url: URL) {
  void queryClient.prefetchQuery(getTasksQueryOptions(parseListSearch(url.searchParams)));
  void queryClient.prefetchQuery(getTaskFacetsQueryOptions());
  void queryClient.prefetchQuery(getUnitsQueryOptions());
}

export function TasksRoute() {
  usePageTitle('任务清单');
  const [searchParams, setSearchParams] = useSearchParams();
  const query = parseListSearch(searchParams);
  const tasks = useTasks(query);
  const canCreate = useCan('tasks:create');
  const narrow = Grid.useBreakpoint().sm === false;

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
      extra={
        <Space wrap size={8} className="no-print">
          <Button
            href={exportHref(query)}
            download
            icon={<DownloadOutlined />}
            aria-label="导出Excel"
            data-testid="export-ledger"
          >
            {narrow ? null : '导出Excel'}
          </Button>
          {canCreate && (
            <Link to="/tasks/import">
              <Button icon={<UploadOutlined />} aria-label="导入台账" data-testid="import-ledger">
                {narrow ? null : '导入台账'}
              </Button>
            </Link>
          )}
          {canCreate && (
            <Link to={query.list ? `/tasks/new?list=${query.list}` : '/tasks/new'}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-task">
                新建任务
              </Button>
            </Link>
          )}
        </Space>
      }
      styles={{ body: { paddingTop: 16 } }}
    >
      {query.figure && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="figure-filter"
          title={`看板指标「${FigureKeyEnum.labels[query.figure]}」${query.period ? `（${query.period}）` : ''}背后的任务`}
          action={
            <Button size="small" onClick={() => change({ figure: undefined, period: undefined, figureUnitId: undefined })}>
              取消
            </Button>
          }
        />
      )}
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
            searchWords={tasks.data?.searchWords}
          />
        )}
      </div>
    </Card>
  );
}
