import { RectificationStatusEnum, type RectificationStatus, type TRectificationListQuery } from '@reform/contracts';
import { Card, Flex, Select, Switch, TreeSelect, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { toTreeOptions, useUnits } from '@/lib/units';
import { usePageTitle } from '@/lib/use-page-title';
import { useRectifications } from '../api/supervision';
import { RectificationTable } from '../components/rectification-table';
import { SupervisionTabs } from '../components/supervision-tabs';
import { enumOptions } from '@/lib/enum-options';

/** 督查整改 › 整改事项: every item in scope, filtered by status, owner unit and overdue; the filters live in the address. */
export function RectificationsRoute() {
  usePageTitle('整改事项');
  const [params, setParams] = useSearchParams();
  const units = useUnits();
  const status = params.get('status') as RectificationStatus | null;
  const ownerUnitId = params.get('ownerUnitId') ? Number(params.get('ownerUnitId')) : undefined;
  const overdue = params.get('overdue') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const query: TRectificationListQuery = {
    ...(status ? { status } : {}),
    ...(ownerUnitId ? { ownerUnitId } : {}),
    ...(overdue ? { overdue: 'true' } : {}),
    page,
    pageSize: 50,
  };
  const list = useRectifications(query);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <SupervisionTabs />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            整改事项
          </Typography.Title>
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 160 }}
            value={status ?? undefined}
            onChange={(value?: string) => set('status', value ?? null)}
            options={enumOptions(RectificationStatusEnum)}
          />
          <TreeSelect
            aria-label="责任单位"
            placeholder="全部责任单位"
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            style={{ width: 240, maxWidth: '100%' }}
            value={ownerUnitId}
            onChange={(value?: number) => set('ownerUnitId', value ? String(value) : null)}
            treeData={toTreeOptions(units.data ?? [])}
          />
          <Flex gap={8} align="center">
            <Switch aria-label="只看逾期" checked={overdue} onChange={(checked) => set('overdue', checked ? 'true' : null)} />
            <span>只看逾期</span>
          </Flex>
        </Flex>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} title="整改事项加载失败" />
        ) : (
          <RectificationTable
            items={list.data?.items ?? []}
            loading={list.isPending || list.isFetching}
            showInspection
            pagination={{
              current: page,
              pageSize: 50,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 项`,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
