import { Button, Result } from 'antd';
import { isApiError } from '@/lib/api-client';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function ErrorState({ error, onRetry, title = '加载失败' }: ErrorStateProps) {
  const message = error instanceof Error ? error.message : '发生未知错误';
  const requestId = isApiError(error) && error.body.requestId ? `（请求编号 ${error.body.requestId}）` : '';
  return (
    <Result
      status="error"
      title={title}
      subTitle={`${message}${requestId}`}
      extra={onRetry && <Button type="primary" onClick={onRetry}>重试</Button>}
    />
  );
}
