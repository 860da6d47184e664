import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { readOnly, taskDetail, units } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { TaskEditRoute } from './task-edit';

type Patch = { status?: number; body?: unknown } | undefined;

function setup(task = taskDetail(), onPatch: (body: Record<string, unknown>) => Patch = () => undefined) {
  const fetch = mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === `/api/tasks/${task.id}` && method === 'GET') return { body: task };
    if (url.pathname === `/api/tasks/${task.id}` && method === 'PATCH') return onPatch(body as Record<string, unknown>);
    return undefined;
  });
  const view = renderRoutes(
    [
      { path: '/tasks/:id/edit', element: <TaskEditRoute /> },
      { path: '/tasks/:id', element: <p>任务详情页</p> },
    ],
    `/tasks/${task.id}/edit`,
  );
  const patches = () =>
    fetch.mock.calls.filter(([, init]) => init?.method === 'PATCH').map(([, init]) => JSON.parse(String(init?.body)));
  return { ...view, patches };
}

const titleBox = () => screen.getByRole('textbox', { name: '任务名称' });

describe('task edit form', () => {
  it('shows the contract’s Chinese messages as the user edits', async () => {
    const user = userEvent.setup();
    setup();
    await user.clear(await screen.findByRole('textbox', { name: '任务名称' }));
    await user.type(titleBox(), '改');
    expect(await screen.findByText('任务名称应为 2 至 200 个字')).toBeInTheDocument();

    await user.clear(screen.getByRole('textbox', { name: '举措 1' }));
    expect(await screen.findByText('此项为必填项')).toBeInTheDocument();
  });

  it('disables the fields the server does not let this user change', async () => {
    setup(taskDetail({ permissions: { ...readOnly, canEdit: true, editableFields: ['objective', 'measures', 'contactName', 'contactPhone'] } }));
    expect(await screen.findByRole('textbox', { name: '任务名称' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: '工作目标' })).toBeEnabled();
    expect(screen.getByRole('textbox', { name: '联系人' })).toBeEnabled();
    expect(screen.getByRole('textbox', { name: '领衔领导' })).toBeDisabled();
    expect(screen.getByText('灰色字段由改革办维护，您所在单位不能修改。')).toBeInTheDocument();
  });

  it('after the baseline shows the dates frozen, explains why and links to the adjustment request', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const frozen = { ...task.permissions, editableFields: task.permissions.editableFields.filter((f) => f !== 'startDate' && f !== 'deadline'), frozenFields: ['startDate', 'deadline'] };
    const { patches } = setup({ ...task, permissions: frozen }, (body) => ({ body: { ...task, ...body, version: 4 } }));
    expect(await screen.findByRole('textbox', { name: '完成时限' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: '开始日期' })).toBeDisabled();
    expect(screen.getByTestId('dates-frozen')).toHaveTextContent('时间表已审定，调整完成时限请提交调整申请');
    expect(screen.getByTestId('go-request-adjustment').closest('a')).toHaveAttribute('href', `/tasks/${task.id}?adjust=1#timetable`);
    // The office edits every other field: no "maintained by the office" notice.
    expect(screen.queryByText('灰色字段由改革办维护，您所在单位不能修改。')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: '联系人' }), '甲');
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches()).toEqual([{ contactName: '张联络甲', version: 3 }]);

  });

  it('explains instead of showing a form when the user may not edit', async () => {
    setup(taskDetail({ permissions: readOnly }));
    expect(await screen.findByText('您无权编辑此任务')).toBeInTheDocument();
    expect(screen.queryByTestId('task-edit-form')).not.toBeInTheDocument();
  });

  it('sends only the changed fields with the version, then returns to the detail', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const { patches } = setup(task, (body) => ({ body: { ...task, ...body, version: 4 } }));
    await user.clear(await screen.findByRole('textbox', { name: '任务名称' }));
    await user.type(titleBox(), '深化科技金融改革试点');
    await user.click(screen.getByRole('button', { name: '下移举措 1' }));
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches()).toEqual([
      { title: '深化科技金融改革试点', measures: ['建立知识产权质押融资风险补偿机制', '设立科技金融专营机构'], version: 3 },
    ]);
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  it('shows the server’s field errors on the matching fields', async () => {
    const user = userEvent.setup();
    setup(taskDetail(), () => ({
      status: 400,
      body: {
        statusCode: 400,
        code: 'VALIDATION',
        message: '提交的内容有误',
        requestId: 'r',
        fields: [{ path: 'measures.1', message: '该举措与其他任务重复' }],
      },
    }));
    await user.type(await screen.findByRole('textbox', { name: '举措 2' }), '（补充）');
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('该举措与其他任务重复')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('提交的内容有误');
  });

  it('on a conflict shows the other person’s saved values and can re-apply my changes onto them', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const theirs = taskDetail({ version: 4, deadline: '2027-03-31', contactName: '赵新', updatedAt: '2026-11-20T03:00:00.000Z' });
    let attempt = 0;
    const { patches } = setup(task, (body) => {
      attempt += 1;
      if (attempt === 1) {
        return {
          status: 409,
          body: { statusCode: 409, code: 'CONFLICT', message: '该任务已被他人修改', requestId: 'r', current: theirs },
        };
      }
      return { body: { ...theirs, ...body, version: 5 } };
    });

    await user.clear(await screen.findByRole('textbox', { name: '联系人' }));
    await user.type(screen.getByRole('textbox', { name: '联系人' }), '钱多');
    await user.click(screen.getByTestId('save-task'));

    const dialog = await screen.findByRole('dialog', { name: '该任务已被他人修改' });
    const table = within(dialog).getByTestId('conflict-table');
    const contactRow = within(table).getByText('联系人').closest('tr')!;
    expect(contactRow).toHaveTextContent('钱多');
    expect(contactRow).toHaveTextContent('赵新');
    expect(contactRow).toHaveTextContent('我改过');
    const deadlineRow = within(table).getByText('完成时限').closest('tr')!;
    expect(deadlineRow).toHaveTextContent('2026-12-31');
    expect(deadlineRow).toHaveTextContent('2027-03-31');

    await user.click(within(dialog).getByTestId('conflict-reapply'));
    expect(await screen.findByText(/基于第 4 版/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '联系人' })).toHaveValue('钱多');
    expect(screen.getByRole('textbox', { name: '任务名称' })).toHaveValue(theirs.title);

    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches().at(-1)).toEqual({ contactName: '钱多', version: 4 });
  });

  it('on a conflict can load the latest version, dropping my changes', async () => {
    const user = userEvent.setup();
    const theirs = taskDetail({ version: 4, title: '他人修改后的名称' });
    setup(taskDetail(), () => ({
      status: 409,
      body: { statusCode: 409, code: 'CONFLICT', message: '该任务已被他人修改', requestId: 'r', current: theirs },
    }));
    await user.type(await screen.findByRole('textbox', { name: '联系人' }), '甲');
    await user.click(screen.getByTestId('save-task'));
    const dialog = await screen.findByRole('dialog', { name: '该任务已被他人修改' });
    await user.click(within(dialog).getByTestId('conflict-load-latest'));
    await waitFor(() => expect(titleBox()).toHaveValue('他人修改后的名称'));
    expect(screen.getByRole('textbox', { name: '联系人' })).toHaveValue('张联络');
  });

  it('asks before leaving with unsaved changes', async () => {
    const user = userEvent.setup();
    setup();
    await user.type(await screen.findByRole('textbox', { name: '联系人' }), '乙');
    await user.click(screen.getByRole('button', { name: /取\s*消/ }));
    const dialog = await screen.findByRole('dialog', { name: '离开此页面？' });
    await user.click(within(dialog).getByRole('button', { name: '留在此页' }));
    expect(screen.getByTestId('task-edit-form')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /取\s*消/ }));
    await user.click(within(await screen.findByRole('dialog', { name: '离开此页面？' })).getByRole('button', { name: '离开，放弃修改' }));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
  });
});
