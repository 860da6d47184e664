import { OutcomeKindEnum, type THistoryEntry, type TTaskDetail, type TTaskListItem } from '@reform/contracts';
import { addDays } from '@reform/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let kejiju: { id: number; path: string };
let jiashan: { id: number; path: string };

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
  kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' }, select: { id: true, path: true } });
  jiashan = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' }, select: { id: true, path: true } });
});
afterAll(() => t.close());

async function get<T = unknown>(username: string, url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  return { status: response.statusCode, body: response.json() as T };
}
async function patch<T = TTaskDetail>(username: string, id: number, payload: unknown) {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/tasks/${id}`,
    headers: { cookie: cookies[username]! },
    payload: payload as object,
  });
  return { status: response.statusCode, body: response.json() as T & { fields?: { path: string; message: string }[] } };
}
type Page = { items: TTaskListItem[]; total: number };

describe('GET /api/tasks', () => {
  it('lists every task for the reform office, paginated', async () => {
    const { status, body } = await get<Page>('admin', '/api/tasks?pageSize=50');
    expect(status).toBe(200);
    expect(body.total).toBe(await t.db.prisma.task.count());
    expect(body.total).toBeGreaterThanOrEqual(300);
    expect(body.items).toHaveLength(50);
    const second = await get<Page>('admin', '/api/tasks?pageSize=50&page=2');
    const firstIds = new Set(body.items.map((item) => item.id));
    expect(second.body.items.some((item) => firstIds.has(item.id))).toBe(false);
  });

  it('filters by list, light, year and field together', async () => {
    const { body } = await get<Page>('admin', '/api/tasks?list=pilot&light=red&pageSize=200');
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((item) => item.list === 'pilot' && item.light === 'red')).toBe(true);
    expect(body.items.every((item) => /逾期|超过完成时限/.test(item.lightReason))).toBe(true);
    const expected = await t.db.prisma.task.count({ where: { list: 'pilot', light: 'red' } });
    expect(body.total).toBe(expected);

    const first = body.items[0]!;
    const narrower = await get<Page>('admin', `/api/tasks?list=pilot&year=${first.year}&field=${encodeURIComponent(first.field)}`);
    expect(narrower.body.items.every((item) => item.year === first.year && item.field === first.field)).toBe(true);
  });

  it('finds tasks by a Chinese keyword in the title or by code', async () => {
    const sample = await t.db.prisma.task.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const keyword = sample.title.slice(2, 6);
    const { body } = await get<Page>('admin', `/api/tasks?q=${encodeURIComponent(keyword)}&pageSize=200`);
    expect(body.items.map((item) => item.id)).toContain(sample.id);
    const byCode = await get<Page>('admin', `/api/tasks?q=${sample.code.toLowerCase()}`);
    expect(byCode.body.items.map((item) => item.code)).toContain(sample.code);
  });

  it('filters by a lead unit including its subtree (a county and its towns)', async () => {
    const { body } = await get<Page>('admin', `/api/tasks?unitId=${jiashan.id}&pageSize=200`);
    expect(body.total).toBeGreaterThan(0);
    const leadPaths = await t.db.prisma.unit.findMany({
      where: { id: { in: body.items.map((item) => item.leadUnit.id) } },
      select: { path: true },
    });
    expect(leadPaths.every((unit) => unit.path.startsWith(jiashan.path))).toBe(true);
  });

  it('sorts by deadline and by light (red first)', async () => {
    const byDeadline = await get<Page>('admin', '/api/tasks?sort=deadline&order=asc&pageSize=100');
    const deadlines = byDeadline.body.items.map((item) => item.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const byLight = await get<Page>('admin', '/api/tasks?sort=light&order=asc&pageSize=1');
    expect(byLight.body.items[0]?.light).toBe('red');
  });

  it('rejects bad filters with field-level messages', async () => {
    const { status, body } = await get<{ fields: { path: string }[] }>('admin', '/api/tasks?list=other&pageSize=500&colour=red');
    expect(status).toBe(400);
    expect(body.fields.map((field) => field.path).sort()).toEqual(['querystring.colour', 'querystring.list', 'querystring.pageSize']);
  });
});

describe('scope: who sees which tasks', () => {
  it('unit staff see exactly the tasks their unit leads or cooperates on', async () => {
    const { body } = await get<Page>('staff', '/api/tasks?pageSize=200');
    const expected = await t.db.prisma.task.count({
      where: { OR: [{ leadUnitId: kejiju.id }, { cooperatingUnits: { some: { unitId: kejiju.id } } }] },
    });
    expect(body.total).toBe(expected);
    expect(body.total).toBeLessThan(await t.db.prisma.task.count());
  });

  it('a county reform office sees its county’s tasks and nothing of a department’s own work', async () => {
    const { body } = await get<Page>('county', '/api/tasks?pageSize=200');
    expect(body.total).toBeGreaterThan(0);
    const ids = body.items.map((item) => item.id);
    const outside = await t.db.prisma.task.count({
      where: {
        id: { in: ids },
        NOT: {
          OR: [
            { leadUnit: { path: { startsWith: jiashan.path } } },
            { cooperatingUnits: { some: { unit: { path: { startsWith: jiashan.path } } } } },
            { pilot: { applyingCounty: { path: { startsWith: jiashan.path } } } },
          ],
        },
      },
    });
    expect(outside).toBe(0);
  });

  it('answers 404, exactly as for a missing task, when a task is outside the user’s scope', async () => {
    const foreign = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: { not: kejiju.id }, cooperatingUnits: { none: { unitId: kejiju.id } } },
    });
    const outOfScope = await get<{ message: string; code: string }>('staff', `/api/tasks/${foreign.id}`);
    const missing = await get<{ message: string; code: string }>('staff', '/api/tasks/99999999');
    expect(outOfScope.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...outOfScope.body, requestId: '' }).toEqual({ ...missing.body, requestId: '' });
    const asAdmin = await get('admin', `/api/tasks/${foreign.id}`);
    expect(asAdmin.status).toBe(200);
  });

  it('requires a session for every task route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tasks' });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/tasks/:id', () => {
  it('returns the task book, timetable and responsibility, with what the user may edit', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { leadUnitId: kejiju.id, status: 'active' } });
    const { body } = await get<TTaskDetail>('staff', `/api/tasks/${task.id}`);
    expect(body).toMatchObject({ id: task.id, code: task.code, leadUnit: { id: kejiju.id, name: '市科技局' } });
    expect(body.measures.length).toBeGreaterThan(0);
    expect(body.milestones.length).toBeGreaterThan(0);
    expect(body.permissions.canEdit).toBe(true);
    expect(body.permissions.editableFields).toContain('objective');
    expect(body.permissions.editableFields).not.toContain('leadUnitId');
    expect(body.permissions).toMatchObject({ canPlanTimetable: false, canReportProgress: true });
    const asLeader = await get<TTaskDetail>('leader', `/api/tasks/${task.id}`);
    expect(asLeader.body.permissions).toEqual({
      canEdit: false,
      editableFields: [],
      frozenFields: [],
      canPlanTimetable: false,
      canReportProgress: false,
      canChangeStatus: false,
      canExtendPilot: false,
    });
  });
});

describe('PATCH /api/tasks/:id', () => {
  it('saves the changed fields, bumps the version and records who changed what', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate' }, orderBy: { id: 'asc' } });
    const { status, body } = await patch('admin', task.id, { version: task.version, title: '深化科技金融改革（修订）' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ title: '深化科技金融改革（修订）', version: task.version + 1 });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entity: 'task', entityId: String(task.id) } });
    expect(audit.changes).toEqual({ title: { from: task.title, to: '深化科技金融改革（修订）' } });
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(audit.actorId).toBe(admin.id);
  });

  it('answers 409 with the current record to a stale version, and overwrites nothing', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'innovation' }, orderBy: { id: 'asc' } });
    const first = await patch('admin', task.id, { version: task.version, objective: '第一位编辑保存的目标' });
    expect(first.status).toBe(200);
    const second = await patch<{ current: TTaskDetail; message: string }>('admin', task.id, {
      version: task.version,
      objective: '第二位编辑基于旧版本的目标',
    });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('已被他人修改');
    expect(second.body.current).toMatchObject({ objective: '第一位编辑保存的目标', version: task.version + 1 });
    const stored = await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.objective).toBe('第一位编辑保存的目标');
  });

  it('lets a lead unit’s staff update the task book and replaces the measures in order', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { leadUnitId: kejiju.id } });
    const { status, body } = await patch('staff', task.id, {
      version: task.version,
      measures: ['建立科技金融专营机构', '设立科创基金', '开展知识产权质押融资'],
      contactName: '陈晓',
    });
    expect(status).toBe(200);
    expect(body.measures.map((m) => m.content)).toEqual(['建立科技金融专营机构', '设立科创基金', '开展知识产权质押融资']);
    expect(body.contactName).toBe('陈晓');
  });

  it('refuses (403) the fields unit staff may not change, naming them', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { leadUnitId: kejiju.id } });
    const { status, body } = await patch('staff', task.id, { version: task.version, deadline: '2030-01-01', leadUnitId: 1 });
    expect(status).toBe(403);
    expect(body.fields?.map((f) => f.path).sort()).toEqual(['deadline', 'leadUnitId']);
  });

  it('refuses (403) unit staff on a task their unit only cooperates on, and leaders on any task', async () => {
    const cooperating = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: { not: kejiju.id }, cooperatingUnits: { some: { unitId: kejiju.id } } },
    });
    expect((await patch('staff', cooperating.id, { version: cooperating.version, objective: 'x' })).status).toBe(403);
    expect((await patch('leader', cooperating.id, { version: cooperating.version, objective: 'x' })).status).toBe(403);
    const unchanged = await t.db.prisma.task.findUniqueOrThrow({ where: { id: cooperating.id } });
    expect(unchanged.objective).toBe(cooperating.objective);
  });

  it('answers field-level 400s and changes nothing on bad input', async () => {
    // A timetable not yet approved: its dates are still open to the edit.
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'pilot', baselineApprovedAt: null }, orderBy: { id: 'asc' } });
    const startDate = task.startDate.toISOString().slice(0, 10);
    const cases: [unknown, string, string][] = [
      [{ version: task.version, deadline: addDays(startDate, -1) }, 'deadline', '完成时限不能早于开始日期'],
      [{ version: task.version, deadline: '2026-02-30' }, 'deadline', '不是有效的日期'],
      [{ version: task.version, title: 'x' }, 'title', '任务名称应为 2 至 200 个字'],
      [{ version: task.version, nickname: '改革' }, 'nickname', '不允许的字段“nickname”'],
      [{ version: task.version, leadUnitId: 99999 }, 'leadUnitId', '牵头单位不存在'],
      [{ version: task.version }, '', '没有要保存的修改'],
    ];
    for (const [payload, path, message] of cases) {
      const { status, body } = await patch('admin', task.id, payload);
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(body.fields).toContainEqual({ path, message });
    }
    const stored = await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.version).toBe(task.version);
  });

  it('recomputes the status light from the new facts', async () => {
    // A running task whose timetable is not approved yet, so its deadline may still be edited.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: { cookie: cookies.admin! },
      payload: {
        list: 'mandate',
        title: '深化投资项目审批制度改革',
        field: '营商环境',
        level: 'city',
        priority: 'normal',
        year: 2026,
        startDate: '2026-10-08',
        deadline: '2027-06-30',
        leadUnitId: kejiju.id,
        milestones: [{ name: '出台实施方案', dueDate: '2027-03-31' }],
      },
    });
    const task = created.json() as TTaskDetail;
    expect(task).toMatchObject({ status: 'active', light: 'green', baselineApprovedAt: null });
    const yesterday = addDays(TEST_TODAY, -1);
    const { body } = await patch('admin', task.id, { version: task.version, deadline: yesterday });
    expect(body.light).toBe('red');
    expect(body.lightReason).toBe('任务已超过完成时限 1 天');
    const listed = await get<Page>('admin', `/api/tasks?q=${task.code}`);
    expect(listed.body.items[0]).toMatchObject({ light: 'red', lightReason: '任务已超过完成时限 1 天' });
  });
});

describe('PATCH /api/tasks/:id: the task book’s outcomes and source documents', () => {
  type Outcome = TTaskDetail['outcomes'][number];
  const load = (id: number) =>
    t.db.prisma.task.findUniqueOrThrow({
      where: { id },
      include: { outcomes: { orderBy: { id: 'asc' } }, sourceDocuments: { orderBy: { id: 'asc' } } },
    });
  /** The last task matching `where` with at least `min` outcomes (other tests start from the first ones). */
  const withOutcomes = async (where: object, min = 1) => {
    const tasks = await t.db.prisma.task.findMany({
      where: { ...where, outcomes: { some: {} } },
      orderBy: { id: 'desc' },
      take: 50,
      include: { outcomes: { orderBy: { id: 'asc' } }, sourceDocuments: { orderBy: { id: 'asc' } } },
    });
    const task = tasks.find((candidate) => candidate.outcomes.length >= min);
    if (!task) throw new Error(`no task with ${min} outcomes`);
    return task;
  };
  const asEdit = ({ id, kind, description, targetCount, deliveredCount }: Outcome) => ({ id, kind, description, targetCount, deliveredCount });

  it('lets the reform office replace both lists, keeping the ids of the rows it sends back', async () => {
    const task = await withOutcomes({ list: 'mandate', sourceDocuments: { some: {} } }, 2);
    const [kept, ...dropped] = task.outcomes;
    const { status, body } = await patch('admin', task.id, {
      version: task.version,
      outcomes: [
        { id: kept!.id, kind: kept!.kind, description: kept!.description, targetCount: kept!.targetCount, deliveredCount: kept!.targetCount + 1 },
        { kind: 'replicable_experience', description: '形成科技金融改革可复制经验', targetCount: 1 },
      ],
      sourceDocuments: [
        ...task.sourceDocuments.map((d) => ({ id: d.id, title: d.title })),
        { title: '嘉兴市科技金融改革实施方案', docNumber: '嘉委改发〔2026〕3号', issuer: '市委改革办', issuedOn: '2026-03-15' },
      ],
    });
    expect(status).toBe(200);
    expect(body.version).toBe(task.version + 1);
    expect(body.outcomes).toHaveLength(2);
    // More delivered than targeted is a fact, kept as reported.
    expect(body.outcomes[0]).toEqual(asEdit({ ...kept!, deliveredCount: kept!.targetCount + 1 }));
    expect(body.outcomes[1]).toMatchObject({ kind: 'replicable_experience', targetCount: 1, deliveredCount: 0 });
    expect(body.outcomes[1]!.id).not.toBe(kept!.id);
    expect(body.sourceDocuments.map((d) => d.id).slice(0, -1)).toEqual(task.sourceDocuments.map((d) => d.id));
    expect(body.sourceDocuments.at(-1)).toMatchObject({ docNumber: '嘉委改发〔2026〕3号', issuer: '市委改革办', issuedOn: '2026-03-15' });

    const stored = await load(task.id);
    expect(stored.outcomes.map((o) => o.id)).toEqual(body.outcomes.map((o) => o.id));
    const droppedIds = dropped.map((o) => o.id);
    expect(await t.db.prisma.taskOutcome.count({ where: { id: { in: droppedIds } } })).toBe(0);
    expect(stored.outcomes[0]!.version).toBe(kept!.version + 1);

    const audit = await t.db.prisma.auditLog.findFirstOrThrow({
      where: { entity: 'task', entityId: String(task.id), action: 'update' },
      orderBy: { id: 'desc' },
    });
    expect(Object.keys(audit.changes as object).sort()).toEqual(['outcomes', 'sourceDocuments']);
  });

  it('tells the change in words in the history', async () => {
    const task = await withOutcomes({ list: 'innovation' });
    const first = task.outcomes[0]!;
    const { status } = await patch('admin', task.id, {
      version: task.version,
      outcomes: [
        { ...asEdit(first), deliveredCount: first.deliveredCount + 1 },
        { kind: 'landmark', description: '建成一站式服务中心', targetCount: 2 },
      ],
      sourceDocuments: [{ title: '关于推进基层治理创新的意见', docNumber: '嘉委办发〔2026〕8号' }],
    });
    expect(status).toBe(200);
    const history = await get<THistoryEntry[]>('leader', `/api/tasks/${task.id}/history`);
    const entry = history.body[0]!;
    expect(entry.action).toBe('修改任务');
    const kindLabel = OutcomeKindEnum.labels[first.kind];
    expect(entry.lines).toEqual(
      expect.arrayContaining([
        `预期成果：${kindLabel}“${first.description}”已交付 ${first.deliveredCount} → ${first.deliveredCount + 1}`,
        '预期成果：新增标志性成果“建成一站式服务中心”（目标 2 项，已交付 0 项）',
        '依据文件：新增《关于推进基层治理创新的意见》（嘉委办发〔2026〕8号）',
        ...task.outcomes.slice(1).map((o) => `预期成果：删除${OutcomeKindEnum.labels[o.kind]}“${o.description}”`),
        ...task.sourceDocuments.map((d) => `依据文件：删除${/^《.*》$/.test(d.title) ? d.title : `《${d.title}》`}`),
      ]),
    );
  });

  it('lets the lead unit’s staff report delivered outcomes, but not change the source documents (403, named)', async () => {
    const task = await withOutcomes({ leadUnitId: kejiju.id });
    const outcomes = task.outcomes.map((o) => ({ ...asEdit(o), deliveredCount: o.targetCount }));
    const refused = await patch('staff', task.id, { version: task.version, outcomes, sourceDocuments: [] });
    expect(refused.status).toBe(403);
    expect(refused.body.fields).toEqual([{ path: 'sourceDocuments', message: '您无权修改此项' }]);
    expect((await load(task.id)).outcomes.map((o) => o.deliveredCount)).toEqual(task.outcomes.map((o) => o.deliveredCount));

    const { status, body } = await patch('staff', task.id, { version: task.version, outcomes });
    expect(status).toBe(200);
    expect(body.outcomes.map((o) => o.deliveredCount)).toEqual(task.outcomes.map((o) => o.targetCount));
    expect(body.outcomes.map((o) => o.id)).toEqual(task.outcomes.map((o) => o.id));
    expect(body.sourceDocuments).toHaveLength(task.sourceDocuments.length);
    expect(body.permissions.editableFields).toContain('outcomes');
    expect(body.permissions.editableFields).not.toContain('sourceDocuments');
  });

  it('refuses (403) the staff of a unit that only cooperates on the task', async () => {
    const task = await withOutcomes({ leadUnitId: { not: kejiju.id }, cooperatingUnits: { some: { unitId: kejiju.id } } });
    const { status } = await patch('staff', task.id, {
      version: task.version,
      outcomes: task.outcomes.map((o) => ({ ...asEdit(o), deliveredCount: o.targetCount })),
    });
    expect(status).toBe(403);
    expect((await load(task.id)).outcomes).toEqual(task.outcomes);
  });

  it('answers 409 with the current record to a stale version, and changes no row', async () => {
    const task = await withOutcomes({ list: 'pilot' });
    const first = await patch('admin', task.id, { version: task.version, contactName: '先保存的人' });
    expect(first.status).toBe(200);
    const stale = await patch<{ current: TTaskDetail }>('admin', task.id, {
      version: task.version,
      outcomes: [{ kind: 'other', description: '基于旧版本的成果', targetCount: 1 }],
      sourceDocuments: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.outcomes.map((o) => o.id)).toEqual(task.outcomes.map((o) => o.id));
    const stored = await load(task.id);
    expect(stored.outcomes).toEqual(task.outcomes);
    expect(stored.sourceDocuments).toEqual(task.sourceDocuments);
    expect(stored.version).toBe(task.version + 1);
  });

  it('answers 400 at the row and field that is wrong, and changes nothing', async () => {
    const task = await withOutcomes({ list: 'mandate', status: 'active' });
    const good = asEdit(task.outcomes[0]!);
    const foreign = await t.db.prisma.taskOutcome.findFirstOrThrow({ where: { taskId: { not: task.id } } });
    const cases: [unknown, string, string][] = [
      [{ outcomes: [good, { kind: 'other', description: '  ', targetCount: 1 }] }, 'outcomes.1.description', '此项为必填项'],
      [{ outcomes: [{ ...good, deliveredCount: -1 }] }, 'outcomes.0.deliveredCount', '已交付数量应为 0 至 1000 的整数'],
      [{ outcomes: [{ ...good, targetCount: 1.5 }] }, 'outcomes.0.targetCount', '目标数量应为 1 至 1000 的整数'],
      [{ outcomes: [{ ...good, kind: 'poem' }] }, 'outcomes.0.kind', expect.any(String) as unknown as string],
      [{ outcomes: [{ ...good, id: foreign.id }] }, 'outcomes.0.id', '该成果不属于此任务，请刷新后重试'],
      [{ outcomes: [good, good] }, 'outcomes.1.id', '该成果重复出现'],
      [{ sourceDocuments: [{ title: '' }] }, 'sourceDocuments.0.title', '此项为必填项'],
      [{ sourceDocuments: [{ title: '某文件', issuedOn: '2026-02-30' }] }, 'sourceDocuments.0.issuedOn', '不是有效的日期'],
    ];
    for (const [payload, path, message] of cases) {
      const { status, body } = await patch('admin', task.id, { version: task.version, ...(payload as object) });
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(body.fields).toContainEqual({ path, message });
    }
    const stored = await load(task.id);
    expect(stored.version).toBe(task.version);
    expect(stored.outcomes).toEqual(task.outcomes);
  });
});

describe('GET /api/units and /api/tasks/facets', () => {
  it('returns the organisation tree', async () => {
    const { body } = await get<{ name: string; children: { name: string }[] }[]>('leader', '/api/units');
    expect(body).toHaveLength(1);
    const names = body[0]!.children.map((child) => child.name);
    expect(names).toEqual(expect.arrayContaining(['市委改革办', '嘉善县', '南湖区']));
  });

  it('offers the fields and years of the tasks in scope', async () => {
    const { body } = await get<{ fields: string[]; years: number[] }>('staff', '/api/tasks/facets');
    expect(body.fields.length).toBeGreaterThan(0);
    expect(body.years.length).toBeGreaterThan(0);
  });
});
