import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { LoginRoute } from './login';

function setup(loginAnswer: { status?: number; body?: unknown }) {
  const fetch = mockApi(({ url }) => {
    if (url.pathname === '/api/auth/me') return { status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: '请先登录', requestId: 'r' } };
    if (url.pathname === '/api/auth/login') return loginAnswer;
    return undefined;
  });
  const view = renderRoutes(
    [
      { path: '/login', element: <LoginRoute /> },
      { path: '/tasks/:id', element: <p>原来要去的页面</p> },
    ],
    '/login?redirectTo=%2Ftasks%2F9',
  );
  return { ...view, fetch };
}

describe('sign-in page', () => {
  it('shows the product and checks the fields with the contract’s messages', async () => {
    const user = userEvent.setup();
    setup({ body: adminUser });
    expect(await screen.findByRole('heading', { name: '改革任务全周期管理系统' })).toBeInTheDocument();
    expect(screen.getByText('三张清单 · 挂图作战 · 晾晒比拼')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '用户名' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
  });

  it('shows the server’s message when the password is wrong', async () => {
    const user = userEvent.setup();
    setup({ status: 401, body: { statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误', requestId: 'r' } });
    await user.type(await screen.findByRole('textbox', { name: '用户名' }), 'admin');
    await user.type(screen.getByLabelText('密码'), 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
  });

  it('signs in with Enter and goes where the user was going', async () => {
    const user = userEvent.setup();
    const { fetch } = setup({ body: adminUser });
    await user.type(await screen.findByRole('textbox', { name: '用户名' }), ' admin ');
    await user.type(screen.getByLabelText('密码'), 'Reform@2026{Enter}');
    expect(await screen.findByText('原来要去的页面')).toBeInTheDocument();
    const [, init] = fetch.mock.calls.find(([input]) => String(input) === '/api/auth/login')!;
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'admin', password: 'Reform@2026' });
  });
});
