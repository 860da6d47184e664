import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TTaskDetail } from '@reform/contracts';
import { pilotDetail, readOnly, taskDetail, units } from '@/testing/fixtures';
import { typeDate } from '@/testing/inputs';
import { fieldErrors, mockApi, renderRoutes } from '@/testing/render';
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

    // An emptied field says what to fill in, by its name.
    await user.clear(screen.getByRole('textbox', { name: '举措 1' }));
    expect(await screen.findByText('请填写举措')).toBeInTheDocument();
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
    setup(taskDetail(), () => fieldErrors([{ path: 'measures.1', message: '该举措与其他任务重复' }]));
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

describe('task book: expected outcomes and source documents', () => {
  const outcomes = () => screen.getByTestId('outcomes-editor');
  const documents = () => screen.getByTestId('sourceDocuments-editor');

  it('edits delivered counts in place, adds rows, and sends both whole lists with the saved ids', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const { patches } = setup(task, (body) => ({ body: { ...task, version: 4, ...body } }));
    const delivered = await screen.findByRole('spinbutton', { name: '成果 1 已交付数量' });
    expect(delivered).toHaveValue('1');
    await user.clear(delivered);
    await user.type(delivered, '2');

    await user.click(within(outcomes()).getByRole('button', { name: /添加成果/ }));
    // The new row takes the focus, so typing can go on from the keyboard.
    expect(within(outcomes()).getByRole('combobox', { name: '成果 2 形式' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: '成果 2 描述' }), '形成可复制经验');

    await user.click(within(documents()).getByRole('button', { name: /添加依据文件/ }));
    await user.type(screen.getByRole('textbox', { name: '依据文件 2 标题' }), '科技金融改革实施方案');
    await user.type(screen.getByRole('textbox', { name: '依据文件 2 文号' }), '嘉委改发〔2026〕3号');
    await user.click(screen.getByTestId('save-task'));

    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches()).toEqual([
      {
        outcomes: [
          { id: 1, kind: 'institutional_document', description: '科技金融实施办法', targetCount: 2, deliveredCount: 2 },
          { kind: 'institutional_document', description: '形成可复制经验', targetCount: 1, deliveredCount: 0 },
        ],
        sourceDocuments: [
          { id: 1, title: '关于深化科技体制改革的意见', docNumber: '嘉委发〔2025〕1号', issuer: '中共嘉兴市委', issuedOn: '2025-03-01' },
          { title: '科技金融改革实施方案', docNumber: '嘉委改发〔2026〕3号', issuer: '', issuedOn: null },
        ],
        version: 3,
      },
    ]);
  });

  it('lets the lead unit report outcomes but shows the source documents read-only', async () => {
    setup(
      taskDetail({
        permissions: { ...readOnly, canEdit: true, editableFields: ['objective', 'measures', 'outcomes', 'contactName', 'contactPhone'] },
      }),
    );
    expect(await screen.findByRole('spinbutton', { name: '成果 1 已交付数量' })).toBeEnabled();
    expect(within(outcomes()).getByRole('button', { name: /添加成果/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '依据文件 1 文号' })).toBeDisabled();
    expect(within(documents()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the shared rules’ messages at the row, and sends nothing', async () => {
    const user = userEvent.setup();
    const { patches } = setup();
    await user.click(within(await screen.findByTestId('outcomes-editor')).getByRole('button', { name: /添加成果/ }));
    await user.clear(screen.getByRole('spinbutton', { name: '成果 1 已交付数量' }));
    await user.click(screen.getByTestId('save-task'));
    const second = within(outcomes()).getByRole('group', { name: '成果 2' });
    expect(await within(second).findByText('请填写成果描述')).toBeInTheDocument();
    const first = within(outcomes()).getByRole('group', { name: '成果 1' });
    expect(await within(first).findByText('请填写已交付数量')).toBeInTheDocument();
    expect(patches()).toEqual([]);
  });

  it('shows the server’s message at the row it names', async () => {
    const user = userEvent.setup();
    setup(taskDetail(), () => fieldErrors([{ path: 'outcomes.1.description', message: '该成果描述与已有成果重复' }]));
    await user.click(within(await screen.findByTestId('outcomes-editor')).getByRole('button', { name: /添加成果/ }));
    await user.type(screen.getByRole('textbox', { name: '成果 2 描述' }), '科技金融实施办法');
    await user.click(screen.getByTestId('save-task'));
    const second = within(outcomes()).getByRole('group', { name: '成果 2' });
    expect(await within(second).findByText('该成果描述与已有成果重复')).toBeInTheDocument();
  });

  it('asks before removing a saved row; an empty new row goes at once', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const { patches } = setup(task, (body) => ({ body: { ...task, version: 4, ...body } }));
    await user.click(await screen.findByRole('button', { name: '删除成果 1' }));
    const dialog = await screen.findByRole('dialog', { name: '删除这项成果？' });
    expect(dialog).toHaveTextContent('“科技金融实施办法”将从任务书中删除，保存后生效。');
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    expect(screen.getByRole('textbox', { name: '成果 1 描述' })).toHaveValue('科技金融实施办法');

    await user.click(within(documents()).getByRole('button', { name: /添加依据文件/ }));
    await user.click(screen.getByRole('button', { name: '删除依据文件 2' }));
    expect(screen.queryByRole('textbox', { name: '依据文件 2 标题' })).not.toBeInTheDocument();
    expect(within(documents()).getByRole('button', { name: /添加依据文件/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: '删除成果 1' }));
    // The first question's dialog may linger while it animates away: answer the newest.
    const again = (await screen.findAllByRole('dialog', { name: '删除这项成果？' })).at(-1)!;
    await user.click(within(again).getByRole('button', { name: /^删\s*除$/ }));
    expect(screen.queryByRole('textbox', { name: '成果 1 描述' })).not.toBeInTheDocument();
    expect(screen.getByText('有尚未保存的修改', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches()).toEqual([{ outcomes: [], version: 3 }]);
  });

  it('compares the outcomes in the conflict dialog and re-applies mine onto their version', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const theirs = taskDetail({
      version: 4,
      outcomes: [{ id: 1, kind: 'institutional_document', description: '科技金融实施办法', targetCount: 3, deliveredCount: 1 }],
    });
    let attempt = 0;
    const { patches } = setup(task, () => {
      attempt += 1;
      return attempt === 1
        ? { status: 409, body: { statusCode: 409, code: 'CONFLICT', message: '该任务已被他人修改', requestId: 'r', current: theirs } }
        : { body: { ...theirs, version: 5 } };
    });
    const delivered = await screen.findByRole('spinbutton', { name: '成果 1 已交付数量' });
    await user.clear(delivered);
    await user.type(delivered, '2');
    await user.click(screen.getByTestId('save-task'));

    const dialog = await screen.findByRole('dialog', { name: '该任务已被他人修改' });
    const row = within(within(dialog).getByTestId('conflict-table')).getByText('预期成果').closest('tr')!;
    expect(row).toHaveTextContent('1. 制度性文件“科技金融实施办法” 2 / 2 件');
    expect(row).toHaveTextContent('1. 制度性文件“科技金融实施办法” 1 / 3 件');
    expect(row).toHaveTextContent('我改过');
    await user.click(within(dialog).getByTestId('conflict-reapply'));
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches().at(-1)).toEqual({
      outcomes: [{ id: 1, kind: 'institutional_document', description: '科技金融实施办法', targetCount: 2, deliveredCount: 2 }],
      version: 4,
    });
  });
});

describe('the fields of the task’s list', () => {
  const pilotSection = () => screen.getByTestId('pilot-fields');
  const conflictWith = (theirs: TTaskDetail) => ({
    status: 409,
    body: { statusCode: 409, code: 'CONFLICT', message: '该任务已被他人修改', requestId: 'r', current: theirs },
  });

  it('shows a pilot’s 试点信息 and sends only the pilot fields changed', async () => {
    const user = userEvent.setup();
    const task = pilotDetail();
    const { patches } = setup(task, (body) => ({ body: { ...task, version: 4, ...body } }));
    const batch = await screen.findByRole('textbox', { name: '试点批次' });
    expect(batch).toHaveValue('第二批');
    expect(within(pilotSection()).getByRole('textbox', { name: '指导单位' })).toHaveValue('市科技局');
    expect(within(pilotSection()).getByRole('textbox', { name: '试点期限至' })).toHaveValue('2027-12-31');
    expect(within(pilotSection()).getByText('嘉善县')).toBeInTheDocument();
    expect(screen.queryByText('下达层级')).not.toBeInTheDocument();
    // A two-year term: nothing to point out.
    expect(screen.queryByText('试点期限一般为两年')).not.toBeInTheDocument();

    await user.clear(batch);
    await user.type(batch, '第三批');
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches()).toEqual([{ pilot: { batch: '第三批' }, version: 3 }]);
  });

  it('checks the term with the shared rule and hints at the usual two years', async () => {
    const user = userEvent.setup();
    const { patches } = setup(pilotDetail());
    await screen.findByTestId('pilot-fields');
    await typeDate('试点期限至', '2028-06-30', within(pilotSection()));
    expect(await screen.findByText('试点期限一般为两年')).toBeInTheDocument();
    await typeDate('试点期限至', '2025-12-31', within(pilotSection()));
    expect(await screen.findByText('试点期限的结束日期不能早于开始日期')).toBeInTheDocument();
    await user.click(screen.getByTestId('save-task'));
    expect(patches()).toEqual([]);
  });

  it('shows the server’s refusal at the pilot field it names', async () => {
    const user = userEvent.setup();
    setup(pilotDetail(), () => fieldErrors([{ path: 'pilot.applyingCountyId', message: '申报县(市、区)须在本辖区范围内' }]));
    const batch = await screen.findByRole('textbox', { name: '试点批次' });
    await user.type(batch, '（调整）');
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('申报县(市、区)须在本辖区范围内')).toBeInTheDocument();
  });

  it('shows the pilot fields to the lead unit’s staff, greyed out', async () => {
    const staff = ['objective', 'acceptanceCriteria', 'measures', 'outcomes', 'contactName', 'contactPhone'];
    setup(pilotDetail({ permissions: { ...readOnly, canEdit: true, editableFields: staff } }));
    expect(await screen.findByRole('textbox', { name: '试点批次' })).toBeDisabled();
    expect(within(pilotSection()).getByRole('textbox', { name: '试点期限自' })).toBeDisabled();
    expect(within(pilotSection()).getByRole('combobox', { name: '申报县(市、区)' })).toBeDisabled();
  });

  it('shows a mandate’s 下达层级 and an innovation’s 首创单位, each only on its own list', async () => {
    const { unmount } = setup(taskDetail());
    expect(await screen.findByRole('combobox', { name: '下达层级' })).toBeEnabled();
    expect(screen.getByTestId('list-fields')).toHaveTextContent('省级');
    expect(screen.queryByTestId('pilot-fields')).not.toBeInTheDocument();
    unmount();
    const innovation = taskDetail({
      list: 'innovation',
      issuingLevel: null,
      originatingUnit: { id: 20, name: '市科技局' },
      permissions: { ...taskDetail().permissions, editableFields: [...taskDetail().permissions.editableFields.filter((f) => f !== 'issuingLevel'), 'originatingUnitId'] },
    });
    setup(innovation);
    expect(await screen.findByRole('combobox', { name: '首创单位' })).toBeEnabled();
    expect(screen.getByTestId('list-fields')).toHaveTextContent('市科技局');
    expect(screen.queryByRole('combobox', { name: '下达层级' })).not.toBeInTheDocument();
  });

  it('compares the pilot fields one by one on a conflict, and re-applies only mine onto theirs', async () => {
    const user = userEvent.setup();
    const theirs = pilotDetail({
      version: 4,
      pilot: { ...pilotDetail().pilot!, guidingUnit: '省科技厅', applyingCounty: { id: 31, name: '平湖市' } },
    });
    let attempt = 0;
    const { patches } = setup(pilotDetail(), (body) => {
      attempt += 1;
      return attempt === 1 ? conflictWith(theirs) : { body: { ...theirs, version: 5, ...body } };
    });
    const batch = await screen.findByRole('textbox', { name: '试点批次' });
    await user.clear(batch);
    await user.type(batch, '第三批');
    await user.click(screen.getByTestId('save-task'));

    const table = within(await screen.findByRole('dialog', { name: '该任务已被他人修改' })).getByTestId('conflict-table');
    const batchRow = within(table).getByText('试点批次').closest('tr')!;
    expect(batchRow).toHaveTextContent('第三批');
    expect(batchRow).toHaveTextContent('第二批');
    expect(batchRow).toHaveTextContent('我改过');
    const countyRow = within(table).getByText('申报县(市、区)').closest('tr')!;
    expect(countyRow).toHaveTextContent('嘉善县');
    expect(countyRow).toHaveTextContent('平湖市');
    expect(countyRow).not.toHaveTextContent('我改过');
    expect(within(table).getByText('指导单位').closest('tr')).toHaveTextContent('省科技厅');

    await user.click(screen.getByTestId('conflict-reapply'));
    expect(screen.getByRole('textbox', { name: '试点批次' })).toHaveValue('第三批');
    expect(within(pilotSection()).getByRole('textbox', { name: '指导单位' })).toHaveValue('省科技厅');
    await user.click(screen.getByTestId('save-task'));
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
    expect(patches().at(-1)).toEqual({ pilot: { batch: '第三批' }, version: 4 });
  });
});
