import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function TaskNotFound() {
  return (
    <Result
      status="404"
      title="任务不存在或您无权查看"
      subTitle="该任务可能已被删除，或不在您所在单位的管辖范围内。"
      extra={
        <Link to="/tasks">
          <Button type="primary">返回任务清单</Button>
        </Link>
      }
    />
  );
}
