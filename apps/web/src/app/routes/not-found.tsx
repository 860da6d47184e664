import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';

export function NotFoundRoute() {
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的地址不存在，请从左侧菜单进入。"
      extra={
        <Link to="/tasks">
          <Button type="primary">返回任务清单</Button>
        </Link>
      }
    />
  );
}
