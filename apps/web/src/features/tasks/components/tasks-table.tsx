import type { TTaskListItem, TTaskListQuery } from '@reform/contracts';
import { Button, Empty, Grid, Table, Tooltip, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link, useNavigate } from 'react-router';
import { LightIndicator } from '@/components/light-indicator';
import { daysBetween, todayInShanghai } from '@reform/domain';
import type { ListPatch } from '../lib/list-search';
import { Highlight } from './highlight';
import { TaskProgress } from './task-progress';
import { ListTag } from './task-tags';

type SortField = TTaskListQuery['sort'];

interface TasksTableProps {
  items: TTaskListItem[];
  total: number;
  query: TTaskListQuery;
  loading: boolean;
  filtered: boolean;
  onChange: (patch: ListPatch) => void;
  onClearFilters: () => void;
  /** The words of a keyword search, marked in the titles. */
  searchWords?: readonly string[];
}

const sortOrderOf = (query: TTaskListQuery, field: SortField): SortOrder =>
  query.sort === field ? (query.order === 'asc' ? 'ascend' : 'descend') : null;

function DeadlineCell({ deadline, done }: { deadline: string; done: boolean }) {
  const overdue = !done && daysBetween(todayInShanghai(), deadline) < 0;
  return <Typography.Text type={overdue ? 'danger' : undefined}>{deadline}</Typography.Text>;
}

/** "陈志强（市委常委、常务副市长）": the name in the cell, the post in the tooltip. */
function LeaderCell({ leader }: { leader: string }) {
  const name = leader.split(/[（(]/)[0]?.trim() || leader;
  return name === leader ? <>{leader}</> : <Tooltip title={leader}>{name}</Tooltip>;
}

export function TasksTable({ items, total, query, loading, filtered, onChange, onClearFilters, searchWords = [] }: TasksTableProps) {
  const navigate = useNavigate();
  // On a phone the code, lead unit and deadline move under the title instead of into columns.
  const narrow = Grid.useBreakpoint().sm === false;

  const columns: TableProps<TTaskListItem>['columns'] = [
    {
      title: '状态灯',
      dataIndex: 'light',
      key: 'light',
      width: narrow ? 64 : 80,
      align: 'center',
      sorter: !narrow,
      sortOrder: sortOrderOf(query, 'light'),
      render: (_, task) => <LightIndicator light={task.light} reason={task.lightReason} />,
    },
    {
      title: '编号',
      dataIndex: 'code',
      key: 'code',
      width: 116,
      responsive: ['sm'],
      sorter: true,
      sortOrder: sortOrderOf(query, 'code'),
      render: (code: string) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{code}</Typography.Text>,
    },
    {
      title: '任务名称',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrderOf(query, 'title'),
      width: narrow ? undefined : 220,
      render: (title: string, task) => (
        <>
          <Link to={`/tasks/${task.id}`}>
            <Highlight text={title} words={searchWords} />
          </Link>
          {narrow && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              <span style={{ whiteSpace: 'nowrap' }}>{task.code}</span> ·{' '}
              <span style={{ whiteSpace: 'nowrap' }}>{task.leadUnit.name}</span> ·{' '}
              <span style={{ whiteSpace: 'nowrap' }}>时限 {task.deadline}</span>
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '清单',
      dataIndex: 'list',
      key: 'list',
      width: 112,
      responsive: ['lg'],
      render: (_, task) => <ListTag list={task.list} />,
    },
    {
      title: '牵头单位',
      key: 'leadUnit',
      width: 128,
      responsive: ['md'],
      render: (_, task) => task.leadUnit.name,
    },
    {
      title: '领衔领导',
      dataIndex: 'leadLeader',
      key: 'leadLeader',
      width: 88,
      responsive: ['xl'],
      render: (leader: string) => <LeaderCell leader={leader} />,
    },
    {
      title: '完成时限',
      dataIndex: 'deadline',
      key: 'deadline',
      width: 104,
      responsive: ['sm'],
      sorter: true,
      sortOrder: sortOrderOf(query, 'deadline'),
      render: (_, task) => (
        <DeadlineCell deadline={task.deadline} done={task.status === 'completed' || task.status === 'closed'} />
      ),
    },
    {
      title: '进度',
      dataIndex: 'progress',
      key: 'progress',
      width: 128,
      sorter: true,
      sortOrder: sortOrderOf(query, 'progress'),
      responsive: ['sm'],
      render: (_, task) => <TaskProgress task={task} compact />,
    },
    {
      title: '下一节点',
      key: 'nextMilestone',
      width: 168,
      responsive: ['lg'],
      render: (_, task) =>
        task.nextMilestone ? (
          <div style={{ lineHeight: 1.4 }}>
            <div>{task.nextMilestone.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.nextMilestone.dueDate}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const open = (task: TTaskListItem) => navigate(`/tasks/${task.id}`);

  return (
    <Table<TTaskListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      tableLayout="fixed"
      showSorterTooltip={false}
      rowClassName="clickable-row"
      onRow={(task) => ({
        tabIndex: 0,
        'aria-label': `${task.code} ${task.title}`,
        'data-testid': `task-row-${task.id}`,
        onClick: (event) => {
          // The title link and the tooltip's focus target handle themselves.
          if ((event.target as HTMLElement).closest('a')) return;
          open(task);
        },
        onKeyDown: (event) => {
          if (event.key === 'Enter' && event.target === event.currentTarget) open(task);
        },
      })}
      locale={{
        emptyText: (
          <Empty description="没有符合条件的任务" image={Empty.PRESENTED_IMAGE_SIMPLE}>
            {filtered && (
              <Button type="primary" onClick={onClearFilters}>
                清除筛选条件
              </Button>
            )}
          </Empty>
        ),
      }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (count) => `共 ${count} 项`,
        responsive: true,
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'paginate') {
          const pageSize = pagination.pageSize ?? query.pageSize;
          onChange(pageSize === query.pageSize ? { page: pagination.current ?? 1 } : { pageSize });
          return;
        }
        if (extra.action === 'sort') {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = single?.columnKey as SortField | undefined;
          // A third click clears the sort: back to the default order (by code).
          onChange(
            single?.order && field
              ? { sort: field, order: single.order === 'ascend' ? 'asc' : 'desc' }
              : { sort: 'code', order: 'asc' },
          );
        }
      }}
      scroll={narrow ? undefined : { x: 1080 }}
    />
  );
}
