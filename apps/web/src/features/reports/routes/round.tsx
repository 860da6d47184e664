import { Breadcrumb, Descriptions, Card, Flex, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { usePageTitle } from '@/lib/use-page-title';
import { formatDateTime } from '@reform/domain';
import { useRound, useRoundBoard } from '../api/reports';
import { RemindMissingButton } from '../components/remind-missing-button';
import { RoundBoard } from '../components/round-board';

/** /reports/rounds/:id — a round and its board. */
export function RoundRoute() {
  const id = Number(useParams().id);
  const round = useRound(id);
  const board = useRoundBoard(id);
  usePageTitle(round.data ? `${round.data.year}年第${round.data.quarter}季度报送情况` : '报送情况');
  if (round.isPending || board.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (round.isError || board.isError) {
    const error = round.error ?? board.error;
    if (isApiError(error, 404)) return <Result status="404" title="轮次不存在或您无权查看" extra={<Link to="/reports?tab=rounds">返回报告轮次</Link>} />;
    return <ErrorState error={error} onRetry={() => void Promise.all([round.refetch(), board.refetch()])} />;
  }
  const r = round.data;
  return (
    <div>
      <Breadcrumb items={[{ title: <Link to="/reports?tab=rounds">进展报告</Link> }, { title: `${r.year}年第${r.quarter}季度` }]} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} title={`${r.year}年第${r.quarter}季度报告轮次`}>
          <Descriptions.Item label="范围">{r.scopeUnit.name}</Descriptions.Item>
          <Descriptions.Item label="报送截止">{r.dueDate}</Descriptions.Item>
          <Descriptions.Item label="开启">
            {formatDateTime(r.openedAt)} · {r.openedBy}
          </Descriptions.Item>
          <Descriptions.Item label="新建报告">{r.createdCount} 份</Descriptions.Item>
        </Descriptions>
        <Flex gap={12} align="center" wrap>
          <Link to={`/reports?tab=reports&year=${r.year}&quarter=${r.quarter}`}>查看本季度报告清单</Link>
          <RemindMissingButton roundId={id} missingUnits={board.data.units.filter((u) => u.missing > 0).length} />
        </Flex>
      </Card>
      <RoundBoard board={board.data} exportUrl={`/api/report-rounds/${id}/board.xlsx`} />
    </div>
  );
}
