import { DownloadOutlined } from '@ant-design/icons';
import { rankingGroupLabels, type TRankingPart, type TRankingResponse, type TRankingRow } from '@reform/contracts';
import { previousQuarter, quarterLabel, rankingIndicatorLabels, quarterOf, todayInShanghai, type Quarter } from '@reform/domain';
import { App, Button, Card, Collapse, Flex, Modal, Segmented, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { useCan } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { rankingExportUrl, usePublishRanking, useRanking, type RankingParams } from '../api/rankings';
import { AppealDialog } from '../components/appeal-dialog';
import { AppealsCard } from '../components/appeals-card';
import { RankingTable } from '../components/ranking-table';
import { formatPoints } from '../components/row-detail';

/** The last eight quarters up to today's, newest first. */
function recentQuarters(): Quarter[] {
  const list: Quarter[] = [quarterOf(todayInShanghai())];
  while (list.length < 8) list.push(previousQuarter(list[list.length - 1]!));
  return list;
}

function FormulaPanel({ ranking }: { ranking: TRankingResponse }) {
  const { formula } = ranking;
  return (
    <Collapse
      size="small"
      data-testid="ranking-formula"
      items={[
        {
          key: 'formula',
          label: `计分公式：${formula.indicators.map((item) => `${rankingIndicatorLabels[item.indicator]} ${item.weight} 分`).join(' + ')}${formula.overdueDeduction > 0 ? ` − 每项逾期 ${formula.overdueDeduction} 分` : ''}`,
          children: (
            <Flex vertical gap={6}>
              {ranking.definitions.map((definition) => (
                <Typography.Text key={definition.indicator}>
                  <Typography.Text strong>{definition.label}</Typography.Text>
                  {definition.indicator === 'overdueItems' ? `（每项扣 ${formula.overdueDeduction} 分）` : `（${formula.indicators.find((i) => i.indicator === definition.indicator)?.weight} 分）`}：{definition.definition}
                </Typography.Text>
              ))}
              <Typography.Text>
                <Typography.Text strong>同分规则</Typography.Text>：{ranking.tieBreak}。
              </Typography.Text>
              <Typography.Text type="secondary">
                各项得分按整数百分之一分计算，各项之和即为总分；市级部门与县（市、区）分别排名。统计区间 {ranking.from} 至 {ranking.asOf}。
              </Typography.Text>
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** 晾晒比拼: departments and counties ranked separately on facts, with the formula, the facts behind every point, publishing and appeals. */
export function RankingRoute() {
  usePageTitle('晾晒比拼');
  const { modal, message } = App.useApp();
  const canPublish = useCan('rankings:publish');
  const canAppeal = useCan('rankings:appeal');
  const canDecide = useCan('rankings:decide-appeal');
  const quarters = recentQuarters();
  const [params, setParams] = useState<RankingParams>({ group: 'department', ...quarters[0]!, ytd: false, draft: canPublish });
  const effective = { ...params, draft: canPublish && params.version === undefined ? params.draft : false };
  const ranking = useRanking(effective);
  const publish = usePublishRanking();
  const [appealing, setAppealing] = useState<TRankingPart['facts'][number] | null>(null);
  const data = ranking.data;
  const set = (change: Partial<RankingParams>) => setParams((current) => ({ ...current, version: undefined, ...change }));

  const confirmPublish = () => {
    if (!data) return;
    const basedOn = data.versions[0]?.number ?? 0;
    modal.confirm({
      title: `发布${rankingGroupLabels[data.group]}${quarterLabel({ year: data.year, quarter: data.quarter as Quarter['quarter'] })}${data.yearToDate ? '（年度累计）' : ''}排名？`,
      content: `发布后各单位即可看到本排名（第 ${basedOn + 1} 版）。已发布的版本不会被修改，之后的重新计算将另存为新版本。`,
      okText: '确认发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          const published = await publish.mutateAsync({ group: data.group, year: data.year, quarter: data.quarter, yearToDate: data.yearToDate, basedOn });
          message.success(`已发布第 ${published.version} 版`);
          setParams((current) => ({ ...current, draft: false, version: undefined }));
        } catch (error) {
          if (isApiError(error, 409)) {
            Modal.warning({ title: '排名刚刚已被发布', content: '其他人已发布了新版本，请查看最新版本后再决定是否发布。' });
            await ranking.refetch();
          } else message.error(error instanceof Error ? error.message : '发布失败');
        }
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          晾晒比拼
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Select
            aria-label="季度"
            style={{ width: 170 }}
            value={`${params.year}-${params.quarter}`}
            onChange={(value: string) => {
              const [year, quarter] = value.split('-').map(Number) as [number, number];
              set({ year, quarter });
            }}
            options={quarters.map((q) => ({ value: `${q.year}-${q.quarter}`, label: quarterLabel(q) }))}
          />
          <Segmented aria-label="统计区间" value={params.ytd ? 'ytd' : 'q'} onChange={(value) => set({ ytd: value === 'ytd' })} options={[{ value: 'q', label: '本季度' }, { value: 'ytd', label: '年度累计' }]} />
        </Flex>
      </Flex>
      <Tabs activeKey={params.group} onChange={(key) => set({ group: key as RankingParams['group'] })} items={(['department', 'county'] as const).map((key) => ({ key, label: rankingGroupLabels[key] }))} style={{ marginBottom: -16 }} />
      {ranking.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : ranking.isError ? (
        <Card>
          <ErrorState error={ranking.error} onRetry={() => ranking.refetch()} title="排名加载失败" />
        </Card>
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Flex gap={8} wrap align="center">
              {data!.status === 'draft' ? (
                <Tag color="orange" data-testid="ranking-status">
                  草稿（未发布）
                </Tag>
              ) : data!.version === null ? (
                <Tag data-testid="ranking-status">尚未发布</Tag>
              ) : (
                <Tag color="green" data-testid="ranking-status">
                  已发布 第 {data!.version} 版
                </Tag>
              )}
              <Typography.Text type="secondary">截至 {data!.asOf}</Typography.Text>
              {data!.versions.length > 0 && (
                <Select
                  aria-label="版本"
                  size="small"
                  style={{ minWidth: 150 }}
                  value={data!.status === 'draft' ? 'draft' : String(data!.version)}
                  onChange={(value: string) => setParams((current) => (value === 'draft' ? { ...current, draft: true, version: undefined } : { ...current, draft: false, version: Number(value) }))}
                  options={[
                    ...(canPublish ? [{ value: 'draft', label: '当前草稿' }] : []),
                    ...data!.versions.map((v) => ({ value: String(v.number), label: `第 ${v.number} 版 · ${v.publishedAt.slice(0, 10)}` })),
                  ]}
                />
              )}
            </Flex>
            <Space wrap size={8} className="no-print">
              <Button href={rankingExportUrl(effective)} download icon={<DownloadOutlined />} data-testid="export-ranking">
                导出Excel
              </Button>
              {canPublish && data!.status === 'draft' && (
                <Button type="primary" onClick={confirmPublish} loading={publish.isPending} data-testid="publish-ranking">
                  发布排名
                </Button>
              )}
            </Space>
          </Flex>
          {data!.versions.length > 0 && data!.status === 'published' && data!.versions.find((v) => v.number === data!.version)?.note && (
            <Typography.Text type="secondary" data-testid="ranking-version-note">
              本版说明：{data!.versions.find((v) => v.number === data!.version)!.note}
            </Typography.Text>
          )}
          <FormulaPanel ranking={data!} />
          <Card styles={{ body: { padding: 0, overflowX: 'auto' } }}>
            <RankingTable
              ranking={data!}
              onAppeal={
                canAppeal && data!.status === 'published' && data!.version !== null && data!.version === data!.versions[0]?.number
                  ? (_row: TRankingRow, fact: TRankingPart['facts'][number]) => setAppealing(fact)
                  : undefined
              }
            />
          </Card>
          {data!.rows.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              共 {data!.rows.length} 个单位，平均 {formatPoints(Math.round(data!.rows.reduce((sum, row) => sum + row.scoreHundredths, 0) / data!.rows.length) / 100)} 分。点击行首展开各项得分及其依据的事实。
            </Typography.Text>
          )}
          <AppealDialog ranking={data!} fact={appealing} onClose={() => setAppealing(null)} />
        </>
      )}
      {(canDecide || canAppeal) && <AppealsCard canDecide={canDecide} />}
    </Flex>
  );
}
