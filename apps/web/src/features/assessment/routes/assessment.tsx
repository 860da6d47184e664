import { AssessmentGroupEnum, type TAssessmentGroup, type TAssessmentRow } from '@reform/contracts';
import { formatHundredths, todayInShanghai } from '@reform/domain';
import { App, Alert, Button, Card, Empty, Flex, Grid, Input, List, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { useCan } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { exportUrl, useAssessmentList, useFinalise } from '../api/assessments';
import { ImportDialog } from '../components/import-dialog';
import { ScoreSheetDrawer } from '../components/score-sheet-drawer';
import { enumOptions } from '@/lib/enum-options';

// The assessment year is the Shanghai calendar's, whatever the browser's time zone.
const thisYear = Number(todayInShanghai().slice(0, 4));
const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
const part = (row: TAssessmentRow, indicator: string) => row.score.parts.find((p) => p.indicator === indicator)?.points ?? 0;

/** 年度考评 ("100+20"): each unit's score for the year, its sheet, import, export and finalisation. */
export function AssessmentRoute() {
  usePageTitle('年度考评');
  const screens = Grid.useBreakpoint();
  const { modal, message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const group = (params.get('group') === 'county' ? 'county' : 'department') as TAssessmentGroup;
  const unitId = Number(params.get('unit')) || null;
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);
  const canManage = useCan('assessment:manage');
  const list = useAssessmentList(year, group);
  const finalise = useFinalise(year);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const rows = useMemo(
    () => (list.data?.rows ?? []).filter((r) => !search.trim() || r.unit.name.includes(search.trim())),
    [list.data, search],
  );
  const locked = list.data?.finalised != null;

  const confirmFinalise = () =>
    modal.confirm({
      title: `定稿 ${year} 年度考评？`,
      content: '定稿后该年度所有单位的得分、加分、扣分和导入都将锁定，任何人都不能再修改。请确认各单位考评表已核对无误。',
      okText: '确认定稿',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await finalise.mutateAsync();
          message.success(`${year} 年度考评已定稿`);
        } catch (error) {
          message.error(isApiError(error) ? error.message : '定稿失败，请重试');
        }
      },
    });

  return (
    <Flex vertical gap={16} style={{ padding: screens.md ? 24 : 12 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          年度考评
        </Typography.Title>
        <Space wrap>
          <Button href={exportUrl(year)} data-testid="assessment-export">
            导出 Excel
          </Button>
          {canManage && !locked && (
            <>
              <Button onClick={() => setImporting(true)} data-testid="assessment-import">
                导入得分
              </Button>
              <Button danger onClick={confirmFinalise} data-testid="assessment-finalise">
                定稿
              </Button>
            </>
          )}
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Select
          value={year}
          onChange={(value) => set({ year: String(value), unit: null })}
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          style={{ width: 120 }}
          aria-label="年度"
        />
        <Segmented
          value={group}
          onChange={(value) => set({ group: String(value), unit: null })}
          options={enumOptions(AssessmentGroupEnum)}
        />
        <Input.Search allowClear placeholder="按单位名称筛选" onChange={(e) => setSearch(e.target.value)} style={{ width: screens.md ? 220 : '100%' }} />
        {list.data && (locked ? <Tag color="blue">已定稿</Tag> : <Tag>草稿</Tag>)}
      </Flex>
      {list.data && (
        <Alert
          type={locked ? 'info' : 'warning'}
          showIcon
          title={locked ? `${year} 年度考评已于 ${todayInShanghai(new Date(list.data.finalised!.at))} 由 ${list.data.finalised!.by} 定稿锁定` : `${year} 年度考评尚未定稿，得分可能变化`}
          description={<span data-testid="assessment-formula">计分办法：{list.data.formula}</span>}
        />
      )}
      {list.isPending && <Skeleton active />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (rows.length === 0 ? (
          <Empty description={search ? '没有符合条件的单位' : '没有可查看的考评单位'} />
        ) : screens.md ? (
          <Table<TAssessmentRow>
            rowKey={(r) => r.unit.id}
            dataSource={rows}
            pagination={false}
            size="middle"
            data-testid="assessment-table"
            onRow={(row) => ({ onClick: () => set({ unit: String(row.unit.id) }), style: { cursor: 'pointer' } })}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 70, sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
              { title: '单位', render: (_, r) => <a>{r.unit.name}</a>, sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh') },
              { title: '晾晒比拼', align: 'right', render: (_, r) => formatHundredths(part(r, 'ranking')), sorter: (a, b) => part(a, 'ranking') - part(b, 'ranking') },
              { title: '第三方评估', align: 'right', render: (_, r) => formatHundredths(part(r, 'thirdParty')), sorter: (a, b) => part(a, 'thirdParty') - part(b, 'thirdParty') },
              { title: '满意度', align: 'right', render: (_, r) => formatHundredths(part(r, 'satisfaction')), sorter: (a, b) => part(a, 'satisfaction') - part(b, 'satisfaction') },
              { title: '基础分', align: 'right', render: (_, r) => formatHundredths(r.score.base), sorter: (a, b) => a.score.base - b.score.base },
              { title: '加分', align: 'right', render: (_, r) => formatHundredths(r.score.bonus), sorter: (a, b) => a.score.bonus - b.score.bonus },
              { title: '扣分', align: 'right', render: (_, r) => formatHundredths(r.score.deductions), sorter: (a, b) => a.score.deductions - b.score.deductions },
              {
                title: '总分',
                align: 'right',
                render: (_, r) => <b>{formatHundredths(r.score.total)}</b>,
                sorter: (a, b) => a.score.total - b.score.total,
              },
            ]}
          />
        ) : (
          <List
            dataSource={rows}
            data-testid="assessment-cards"
            renderItem={(r) => (
              <Card size="small" style={{ marginBottom: 8 }} onClick={() => set({ unit: String(r.unit.id) })} hoverable>
                <Flex justify="space-between" align="baseline" gap={8}>
                  <Typography.Text strong ellipsis>
                    {r.rank}. {r.unit.name}
                  </Typography.Text>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {formatHundredths(r.score.total)}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  基础 {formatHundredths(r.score.base)} · 加分 {formatHundredths(r.score.bonus)} · 扣分 {formatHundredths(r.score.deductions)}
                </Typography.Text>
              </Card>
            )}
          />
        ))}
      <ScoreSheetDrawer year={year} unitId={unitId} onClose={() => set({ unit: null })} />
      <ImportDialog year={year} open={importing} onClose={() => setImporting(false)} onImported={() => void list.refetch()} />
    </Flex>
  );
}
