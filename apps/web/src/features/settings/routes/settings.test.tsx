import type { TCurrentUser, TSetting } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '@reform/domain';
import { adminUser, staffUser } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { SettingsRoute } from './settings';

type Answer = { status?: number; body?: unknown } | undefined;

const year = todayInShanghai().slice(0, 4);

function settings(): TSetting[] {
  return [
    { key: 'lights', value: { yellowWithinDays: 14 }, version: 0 },
    { key: 'reports', value: { dueDayAfterQuarter: 10 }, version: 2 },
    { key: 'taskCode', value: { pattern: '{list}-{year}-{seq:3}', prefixes: { mandate: 'ZD', pilot: 'SD', innovation: 'CX' } }, version: 0 },
    {
      key: 'phaseTemplates',
      value: [
        {
          key: 'three-phase',
          name: '三阶段推进',
          phases: [
            { name: '方案制定', share: 0.2, milestoneName: '出台实施方案' },
            { name: '组织实施', share: 0.6, milestoneName: '完成主要改革举措' },
            { name: '总结评估', durationDays: 30, milestoneName: '总结评估验收' },
          ],
        },
      ],
      version: 0,
    },
    { key: 'workCalendar', value: { holidays: ['2026-01-01', '2026-02-16', '2025-10-01'], makeupWorkdays: ['2026-02-14'] }, version: 0 },
  ];
}

function setup({ me = adminUser, onPut = () => undefined }: { me?: TCurrentUser; onPut?: (key: string, body: Record<string, unknown>) => Answer } = {}) {
  const fetch = mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: me };
    if (url.pathname === '/api/todos') return { body: [] };
    if (url.pathname === '/api/settings' && method === 'GET') return { body: settings() };
    const put = /^\/api\/settings\/(\w+)$/.exec(url.pathname);
    if (put && method === 'PUT') return onPut(put[1]!, body as Record<string, unknown>);
    return undefined;
  });
  const view = renderRoutes([{ path: '/settings', element: <SettingsRoute /> }], '/settings');
  const puts = () =>
    fetch.mock.calls
      .filter(([, init]) => init?.method === 'PUT')
      .map(([input, init]) => ({ url: String(input), body: JSON.parse(String(init?.body)) }));
  const gets = (path: string) => fetch.mock.calls.filter(([input, init]) => String(input) === path && (init?.method ?? 'GET') === 'GET');
  return { ...view, puts, gets };
}

const card = async (testId: string) => within(await screen.findByTestId(testId));
const threshold = async () => (await card('setting-lights')).findByRole('spinbutton', { name: '黄灯提前天数' });

describe('settings page', () => {
  it('refuses a light threshold of 400 with the contract’s Chinese message and sends nothing', async () => {
    const user = userEvent.setup();
    const { puts } = setup();
    const input = await threshold();
    expect(input).toHaveValue('14');
    await user.clear(input);
    await user.type(input, '400');
    const lights = await card('setting-lights');
    expect(await lights.findByText('应为 0 至 90 天')).toBeInTheDocument();
    await user.click(lights.getByTestId('save-lights'));
    await waitFor(() => expect(lights.getAllByText('应为 0 至 90 天').length).toBeGreaterThan(0));
    expect(puts()).toEqual([]);
  });

  it('saves one setting with its version, says 已保存 and shows the saved value', async () => {
    const user = userEvent.setup();
    const { puts } = setup({ onPut: (key, body) => ({ body: { key, value: body.value, version: 1 } }) });
    const input = await threshold();
    await user.clear(input);
    await user.type(input, '21');
    const lights = await card('setting-lights');
    expect(lights.getByTestId('lights-sentence')).toHaveTextContent('节点到期前 21 天未完成即亮黄灯');
    await user.click(lights.getByTestId('save-lights'));
    expect(await screen.findByText('已保存')).toBeInTheDocument();
    expect(puts()).toEqual([{ url: '/api/settings/lights', body: { version: 0, value: { yellowWithinDays: 21 } } }]);
    expect(await lights.findByTestId('setting-lights-version')).toHaveTextContent('第 1 版');
    expect(await threshold()).toHaveValue('21');
    // The other cards are left alone.
    expect((await card('setting-reports')).getByRole('spinbutton', { name: '报送截止天数' })).toHaveValue('10');
  });

  it('updates the task code example as the pattern and the prefixes are typed', async () => {
    const user = userEvent.setup();
    setup();
    const taskCode = await card('setting-taskCode');
    expect(taskCode.getByTestId('code-example')).toHaveTextContent(`示例：ZD-${year}-007`);

    const pattern = taskCode.getByRole('textbox', { name: '编号规则' });
    await user.type(pattern, '-A');
    expect(taskCode.getByTestId('code-example')).toHaveTextContent(`示例：ZD-${year}-007-A`);

    await user.clear(pattern);
    await user.paste('JX{list}{year}{seq}');
    expect(taskCode.getByTestId('code-example')).toHaveTextContent(`示例：JXZD${year}7`);

    const prefix = taskCode.getByRole('textbox', { name: '重大改革任务' });
    await user.clear(prefix);
    await user.type(prefix, 'GG');
    expect(taskCode.getByTestId('code-example')).toHaveTextContent(`示例：JXGG${year}7`);
    expect(taskCode.getByText(`改革试点 JXSD${year}7，地方创新项目 JXCX${year}7`)).toBeInTheDocument();
  });

  it('shows the server’s field errors on the fields', async () => {
    const user = userEvent.setup();
    setup({
      onPut: () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION',
          message: '提交的内容有误',
          requestId: 'r',
          fields: [{ path: 'value.pattern', message: '编号规则缺少 {year}（年度）' }],
        },
      }),
    });
    const taskCode = await card('setting-taskCode');
    const pattern = taskCode.getByRole('textbox', { name: '编号规则' });
    await user.clear(pattern);
    await user.paste('{list}-{seq:3}');
    await user.click(taskCode.getByTestId('save-taskCode'));
    expect(await taskCode.findByText('编号规则缺少 {year}（年度）')).toBeInTheDocument();
  });

  it('on a conflict shows the other person’s value and can load it', async () => {
    const user = userEvent.setup();
    setup({
      onPut: () => ({
        status: 409,
        body: {
          statusCode: 409,
          code: 'CONFLICT',
          message: '该记录已被他人修改',
          requestId: 'r',
          current: { key: 'lights', value: { yellowWithinDays: 30 }, version: 3 },
        },
      }),
    });
    const input = await threshold();
    await user.clear(input);
    await user.type(input, '20');
    await user.click((await card('setting-lights')).getByTestId('save-lights'));

    const dialog = await screen.findByRole('dialog', { name: '该设置已被他人修改' });
    expect(within(dialog).getByTestId('conflict-theirs')).toHaveTextContent('节点到期前 30 天未完成即亮黄灯');
    expect(within(dialog).getByTestId('conflict-mine')).toHaveTextContent('节点到期前 20 天未完成即亮黄灯');
    expect(dialog).toHaveTextContent('第 3 版');

    await user.click(within(dialog).getByTestId('conflict-load-latest'));
    await waitFor(async () => expect(await threshold()).toHaveValue('30'));
    expect((await card('setting-lights')).getByTestId('setting-lights-version')).toHaveTextContent('第 3 版');
  });

  it('edits phase templates: reorder, switch a phase to fixed days, add a template, keep at least one', async () => {
    const user = userEvent.setup();
    const { puts } = setup({ onPut: (key, body) => ({ body: { key, value: body.value, version: 1 } }) });
    const templates = await card('setting-phaseTemplates');
    expect(templates.getByRole('button', { name: '删除模板 1' })).toBeDisabled();
    await user.click(templates.getByRole('button', { name: '下移阶段 1' }));
    expect(templates.getByRole('textbox', { name: '阶段 1 名称' })).toHaveValue('组织实施');

    await user.click(templates.getByRole('button', { name: /添加模板/ }));
    const second = within(templates.getByTestId('template-1'));
    await user.type(second.getByRole('textbox', { name: '模板名称' }), '两阶段');
    await user.type(second.getByRole('textbox', { name: '阶段 1 名称' }), '实施');
    await user.type(second.getByRole('textbox', { name: '阶段 1 里程碑' }), '完成');
    await user.click(second.getByText('固定天数'));
    await user.type(second.getByRole('spinbutton', { name: '阶段 1 固定天数' }), '90');
    await user.click(templates.getByTestId('save-phaseTemplates'));

    expect(await screen.findByText('已保存')).toBeInTheDocument();
    expect(puts()[0]!.body).toEqual({
      version: 0,
      value: [
        {
          key: 'three-phase',
          name: '三阶段推进',
          phases: [
            { name: '组织实施', share: 0.6, milestoneName: '完成主要改革举措' },
            { name: '方案制定', share: 0.2, milestoneName: '出台实施方案' },
            { name: '总结评估', durationDays: 30, milestoneName: '总结评估验收' },
          ],
        },
        { key: 'template-2', name: '两阶段', phases: [{ name: '实施', durationDays: 90, milestoneName: '完成' }] },
      ],
    });
  });

  it('groups holidays by year with counts and removes one with its tag', async () => {
    const user = userEvent.setup();
    setup();
    const calendar = await card('setting-workCalendar');
    expect(calendar.getByTestId('holidays-count')).toHaveTextContent('法定节假日（共 3 天）');
    expect(calendar.getByTestId('makeupWorkdays-count')).toHaveTextContent('调休上班日（共 1 天）');
    expect(calendar.getAllByTestId('dates-2026')[0]).toHaveTextContent('2 天');
    await user.click(calendar.getByRole('button', { name: '移除 2026-02-16' }));
    await waitFor(() => expect(calendar.getByTestId('holidays-count')).toHaveTextContent('法定节假日（共 2 天）'));
  });

  it('keeps the page from other roles and never asks for the settings', async () => {
    const { gets } = setup({ me: staffUser });
    expect(await screen.findByText('您无权访问系统设置')).toBeInTheDocument();
    expect(gets('/api/settings')).toEqual([]);
  });
});
