import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TCurrentUser, TLoginBody } from '@reform/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';

/**
 * The sign-in form checks only that both fields are filled and leaves the rest to the server:
 * unlike every other form it does not load the zod contracts, which would more than double what
 * the first page downloads.
 */
export function LoginForm({ onSuccess }: { onSuccess: (user: TCurrentUser) => void }) {
  const [form] = Form.useForm<TLoginBody>();
  const login = useLogin({ onSuccess });

  const failure = login.error
    ? isApiError(login.error, 401)
      ? login.error.message || '用户名或密码错误'
      : login.error.message
    : null;

  return (
    <Form<TLoginBody>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
      onValuesChange={() => login.isError && login.reset()}
      aria-label="登录"
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]} validateTrigger="onBlur">
        <Input prefix={<UserOutlined />} autoFocus autoComplete="username" placeholder="请输入用户名" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]} validateTrigger="onBlur">
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
