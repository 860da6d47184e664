import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';

/** The rank's move since the previous quarter: ▲ up, ▼ down, – same, 新 when not ranked then. */
export function RankChange({ change }: { change: number | null }) {
  if (change === null) return <Typography.Text type="secondary" aria-label="上季度未排名">新</Typography.Text>;
  if (change === 0) return <MinusOutlined aria-label="名次不变" style={{ color: '#8c8c8c' }} />;
  const up = change > 0;
  return (
    <span aria-label={up ? `上升 ${change} 位` : `下降 ${-change} 位`} style={{ color: up ? '#389e0d' : '#cf1322', whiteSpace: 'nowrap' }}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(change)}
    </span>
  );
}
