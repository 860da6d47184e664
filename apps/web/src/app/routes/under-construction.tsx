import { Button, Card, Result } from 'antd';
import { Link } from 'react-router';
import type { NavArea } from '../nav';
import { usePageTitle } from '@/lib/use-page-title';

export function UnderConstructionRoute({ area }: { area: NavArea }) {
  usePageTitle(area.label);
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 56, color: '#b71c1c' }}>{area.icon}</span>}
        title={`${area.label} · 建设中`}
        subTitle={area.comingSoon}
        extra={
          <Link to="/tasks">
            <Button type="primary">返回任务清单</Button>
          </Link>
        }
      />
    </Card>
  );
}
