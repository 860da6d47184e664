import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { LightEnum, type TBattleMapQuery } from '@reform/contracts';
import { App, Button, Card, Empty, Flex, Grid, Segmented, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { lightColors } from '@/components/light-indicator';
import { usePageTitle } from '@/lib/use-page-title';
import { useBattleMap } from '../api/get-battle-map';
import { BattleMapChart } from '../components/battle-map-chart';
import { BattleMapFilters } from '../components/battle-map-filters';
import { BattleMapLegend } from '../components/battle-map-legend';
import { BattleMapPrint } from '../components/battle-map-print';
import { BattleMapTable } from '../components/battle-map-table';
import { battleMapQueryOf, viewOf, type BattleMapView } from '../lib/battle-map-search';
import { download, exportBattleMap } from '../lib/export-battle-map';

const TITLE = '挂图作战';

/** Printed on A3 landscape; the rule lives only while this page is shown. */
const printStyle = `
@media screen { .battle-map-print { display: none; } }
@media print {
  @page { size: A3 landscape; margin: 10mm; }
  .battle-map-screen { display: none !important; }
  .battle-map-print-page { break-after: page; }
  .battle-map-print-page:last-child { break-after: auto; }
  .battle-map-print-page header { display: flex; justify-content: space-between; font-size: 14px; margin-bottom: 4px; }
  .battle-map-print-page svg { width: 100%; height: auto; }
}`;

/** 挂图作战: every task in scope on a schedule chart against today, or as a table. */
export function BattleMapRoute() {
  usePageTitle(TITLE);
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const query = battleMapQueryOf(params);
  const view = viewOf(params, narrow);
  const map = useBattleMap(query);
  const [printing, setPrinting] = useState(false);

  const update = (patch: Partial<TBattleMapQuery> & { view?: BattleMapView }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === null || (key === 'groupBy' && value === 'list')) next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  // Printing (the button or the browser's own command) lays out every row on A3 pages first.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const exportAs = (format: 'png' | 'svg') => {
    if (!map.data) return;
    try {
      const picture = exportBattleMap(map.data, format);
      download(picture);
      if (picture.omitted > 0) message.warning(`图片最多 ${picture.rows} 行，另有 ${picture.omitted} 行未导出，请先筛选`);
    } catch {
      message.error('导出失败，请重试');
    }
  };

  const data = map.data;
  const lightCounts = LightEnum.values.map((light) => [light, data?.rows.filter((row) => row.light === light).length ?? 0] as const);

  const actions = (
    <Space wrap className="no-print">
      <Button icon={<DownloadOutlined />} disabled={!data?.rows.length} onClick={() => exportAs('png')}>
        PNG
      </Button>
      <Button icon={<DownloadOutlined />} disabled={!data?.rows.length} onClick={() => exportAs('svg')}>
        SVG
      </Button>
      <Button
        icon={<PrinterOutlined />}
        disabled={!data?.rows.length}
        onClick={() => {
          // The pages are laid out before the browser's print dialog reads the document.
          flushSync(() => setPrinting(true));
          window.print();
        }}
      >
        打印
      </Button>
    </Space>
  );

  return (
    <>
      <style>{printStyle}</style>
      <Card
        className="battle-map-screen"
        title={
          <Space align="baseline" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {TITLE}
            </Typography.Title>
            {data && (
              <Typography.Text type="secondary" data-testid="battle-map-count">
                共 {data.rows.length} 项任务
              </Typography.Text>
            )}
          </Space>
        }
        extra={narrow ? undefined : actions}
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        <Flex vertical gap="middle">
          {narrow && actions}
          <BattleMapFilters query={query} onChange={update} onReset={() => setParams(new URLSearchParams(), { replace: true })} />
          <Flex justify="space-between" align="center" wrap gap="small">
            <Segmented<BattleMapView>
              aria-label="视图"
              value={view}
              onChange={(value) => update({ view: value })}
              options={[
                { value: 'chart', label: '甘特图' },
                { value: 'table', label: '表格' },
              ]}
            />
            {data && data.rows.length > 0 && (
              <Space size="middle" wrap>
                {lightCounts.map(([light, count]) => (
                  <Typography.Text key={light} style={{ color: lightColors[light] }}>
                    {LightEnum.labels[light]} {count}
                  </Typography.Text>
                ))}
              </Space>
            )}
          </Flex>
          {map.isPending ? (
            <Skeleton active paragraph={{ rows: 10 }} />
          ) : map.isError ? (
            <ErrorState error={map.error} onRetry={() => map.refetch()} />
          ) : data!.rows.length === 0 ? (
            <Empty description="没有符合条件的任务">
              <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>清除筛选</Button>
            </Empty>
          ) : (
            <>
              {view === 'chart' ? (
                <>
                  <BattleMapLegend />
                  <BattleMapChart map={data!} />
                </>
              ) : (
                <BattleMapTable map={data!} />
              )}
            </>
          )}
        </Flex>
      </Card>
      {printing && data && data.rows.length > 0 && <BattleMapPrint map={data} title={TITLE} />}
    </>
  );
}
