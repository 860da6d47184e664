import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ZLoginBody, type TCurrentUser, type TLoginBody } from '@reform/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { isApiError } from '@/lib/api-client';
import { createZodValidator } from '@/lib/zod-form';
import { useLogin } from '../api/login';

const loginValidator = createZodValidator<TLoginBody, typeof ZLoginBody>(ZLoginBody, (values) => ({
  username: values.username ?? '',
  password: values.password ?? '',
}));

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
      onFinish={(values) => {
        const { data } = loginValidator.validate(values);
        if (data) login.mutate(data);
      }}
      onValuesChange={() => login.isError && login.reset()}
      aria-label="登录"
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="username" label="用户名" rules={[loginValidator.rule(form, ['username'])]} validateTrigger="onBlur">
        <Input prefix={<UserOutlined />} autoFocus autoComplete="username" placeholder="请输入用户名" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[loginValidator.rule(form, ['password'])]} validateTrigger="onBlur">
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
