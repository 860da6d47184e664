import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TInspection, TRectification, TRectificationPage, TReminderPage, TTaskDetail, TTodo } from '@reform/contracts';
import { addDays } from '@reform/domain';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailChannel, webhookChannel } from '../src/modules/reminders/channels.ts';
import { sendDueReminders } from '../src/modules/reminders/send-due-reminders.ts';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let kejiju: number;
let task: TTaskDetail;

type Method = 'GET' | 'POST' | 'PATCH';
async function call<T>(username: string, method: Method, url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() as T & { message?: string; fields?: { path: string; message: string }[]; current?: TRectification } };
}

async function newTask(specialGroupId?: number): Promise<TTaskDetail> {
  const created = await call<TTaskDetail>('admin', 'POST', '/api/tasks', {
    list: 'mandate',
    title: `督查整改测试任务${Math.random().toString(36).slice(2, 8)}`,
    field: '科技创新',
    level: 'city',
    priority: 'normal',
    year: 2026,
    startDate: '2026-10-01',
    deadline: '2027-08-31',
    leadUnitId: kejiju,
    ...(specialGroupId ? { specialGroupId } : {}),
    milestones: [{ name: '完成主要改革举措', dueDate: '2027-05-31' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function inspect(taskIds: number[], by = 'admin'): Promise<number> {
  const created = await call<{ id: number }>(by, 'POST', '/api/inspections', {
    title: '科技创新领域改革专项督察',
    inspectedOn: addDays(TEST_TODAY, -30),
    inspectors: '市委改革办督察组（李明、王芳）',
    taskIds,
    findings: '1. 配套政策出台滞后。\n2. 督办台账未按月更新。',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function rectify(inspectionId: number, deadline: string, description = '建立督办台账并按月通报', by = 'admin') {
  const created = await call<{ id: number; status: string; version: number }>(by, 'POST', `/api/inspections/${inspectionId}/rectifications`, {
    description,
    ownerUnitId: kejiju,
    deadline,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** Uploads a small PDF as evidence for a rectification item's response. */
function uploadEvidence(username: string, itemId: number) {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const boundary = '----x';
  return t.app.inject({
    method: 'POST',
    url: `/api/rectifications/${itemId}/evidence`,
    headers: { cookie: cookies[username]!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="整改台账.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

const taskOf = async (id: number) => (await call<TTaskDetail>('admin', 'GET', `/api/tasks/${id}`)).body;

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'staff2', 'leader']) cookies[username] = await t.login(username);
  kejiju = (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } })).id;
  task = await newTask();
});
afterAll(() => t.close());

describe('an inspection and its rectification items', () => {
  it('creates items that are open at version 1, and an overdue one turns the task red with the reason in words', async () => {
    expect((await taskOf(task.id)).light).toBe('green');
    const inspectionId = await inspect([task.id]);
    const later = await rectify(inspectionId, addDays(TEST_TODAY, 40), '完善配套政策');
    expect(later).toEqual({ id: expect.any(Number), status: 'open', version: 1 });
    expect((await taskOf(task.id)).light).toBe('green');
    await rectify(inspectionId, addDays(TEST_TODAY, -5));
    const red = await taskOf(task.id);
    expect(red.light).toBe('red');
    expect(red.lightReason).toBe('整改事项“建立督办台账并按月通报”已逾期 5 天');

    const detail = await call<TInspection>('staff', 'GET', `/api/inspections/${inspectionId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.tasks.map((x) => x.id)).toEqual([task.id]);
    expect(detail.body.counts).toEqual({ total: 2, open: 2, responded: 0, closed: 0, overdue: 1 });
    expect(detail.body.mayAddRectifications).toBe(false);
    expect(detail.body.rectifications.map((r) => r.actions)).toEqual([['respond'], ['respond']]);

    const overdue = await call<TRectificationPage>('staff', 'GET', `/api/rectifications?overdue=true&ownerUnitId=${kejiju}&status=open`);
    expect(overdue.body.items.map((r) => r.description)).toContain('建立督办台账并按月通报');
    expect(overdue.body.items.every((r) => r.overdueDays > 0)).toBe(true);
    const onTime = await call<TRectificationPage>('staff', 'GET', `/api/rectifications?overdue=false&taskId=${task.id}`);
    expect(onTime.body).toMatchObject({ total: 1, items: [{ description: '完善配套政策', overdueDays: 0 }] });
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const before = await t.db.prisma.inspection.count();
    const bad = await call('admin', 'POST', '/api/inspections', { title: '', inspectedOn: '2026-13-01', inspectors: '督察组', taskIds: [], findings: '有问题' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields!.map((f) => f.path).sort()).toEqual(['inspectedOn', 'taskIds', 'title']);
    const outside = await call('county', 'POST', '/api/inspections', { title: '督察', inspectedOn: TEST_TODAY, inspectors: '县督察组', taskIds: [task.id], findings: '问题' });
    expect(outside.status).toBe(400);
    expect(outside.body.fields).toEqual([{ path: 'taskIds.0', message: '任务不存在或不在您的范围内' }]);
    expect(await t.db.prisma.inspection.count()).toBe(before);
    const inspectionId = await inspect([task.id]);
    const early = await call('admin', 'POST', `/api/inspections/${inspectionId}/rectifications`, { description: '整改', ownerUnitId: kejiju, deadline: addDays(TEST_TODAY, -31) });
    expect(early.status).toBe(400);
    expect(early.body.fields![0]!.path).toBe('deadline');
  });

  it('goes open → responded → closed, reopens with a reason, and refuses what the state machine forbids with 409', async () => {
    const inspectionId = await inspect([task.id]);
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 20), '整改事项甲');
    const early = await call<TRectification>('admin', 'POST', `/api/rectifications/${item.id}/close`, { version: 1, note: '现场核查已整改' });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('整改事项尚未反馈整改情况，不能销号');
    expect(early.body.current?.status).toBe('open');

    const responded = await call<TRectification>('staff', 'POST', `/api/rectifications/${item.id}/respond`, { version: 1, note: '已建立台账并上报' });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ status: 'responded', responseNote: '已建立台账并上报', respondedOn: TEST_TODAY, version: 2, actions: [] });
    expect((await call('staff', 'POST', `/api/rectifications/${item.id}/close`, { version: 2, note: '自行销号' })).status).toBe(403);
    const stale = await call<TRectification>('admin', 'POST', `/api/rectifications/${item.id}/close`, { version: 1, note: '同意销号' });
    expect(stale.status).toBe(409);
    expect(stale.body.current?.version).toBe(2);
    const closed = await call<TRectification>('admin', 'POST', `/api/rectifications/${item.id}/close`, { version: 2, note: '同意销号，材料齐全' });
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: TEST_TODAY, closingNote: '同意销号，材料齐全', version: 3, actions: ['reopen'] });
    const again = await call<TRectification>('staff', 'POST', `/api/rectifications/${item.id}/respond`, { version: 3, note: '补充材料' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('整改事项已销号，不能再反馈');
    const reopened = await call<TRectification>('admin', 'POST', `/api/rectifications/${item.id}/reopen`, { version: 3, reason: '回头看发现问题反弹' });
    expect(reopened.body).toMatchObject({ status: 'open', reopenReason: '回头看发现问题反弹', closedOn: null, version: 4 });
    const short = await call('admin', 'POST', `/api/rectifications/${item.id}/reopen`, { version: 4, reason: '无' });
    expect(short.status).toBe(400);

    const history = await call<{ action: string; lines: string[] }[]>('admin', 'GET', `/api/tasks/${task.id}/history`);
    expect(history.body.map((h) => h.action)).toEqual(expect.arrayContaining(['反馈整改情况', '整改事项销号', '重新打开整改事项', '下发整改事项', '记录督察']));
    expect([...history.body.find((h) => h.action === '整改事项销号')!.lines].sort()).toEqual(['整改事项“整改事项甲”：由“已反馈待销号”改为“已销号”', '销号意见：同意销号，材料齐全'].sort());
  });

  it('keeps evidence for a response in the evidence store under the task', async () => {
    const inspectionId = await inspect([task.id]);
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 20), '整改事项乙');
    const upload = (username: string) => uploadEvidence(username, item.id);
    expect((await upload('staff2')).statusCode).toBe(404);
    const uploaded = await upload('staff');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ taskId: task.id, originalName: '整改台账.pdf' });
    const got = await call<TRectification>('staff', 'GET', `/api/rectifications/${item.id}`);
    expect(got.body.evidence).toEqual([{ id: expect.any(Number), originalName: '整改台账.pdf' }]);
  });

  it('takes evidence for an item that names no task: kept against the item, readable by whoever sees the item', async () => {
    const other = await newTask();
    const inspectionId = await inspect([task.id, other.id]);
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 20), '整改事项无任务');
    expect((await call<TRectification>('admin', 'GET', `/api/rectifications/${item.id}`)).body.task).toBeNull();
    expect((await uploadEvidence('staff2', item.id)).statusCode).toBe(404);
    const uploaded = await uploadEvidence('staff', item.id);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json<{ id: number; taskId: number | null; rectificationItemId: number }>();
    expect(file).toMatchObject({ taskId: null, rectificationItemId: item.id, originalName: '整改台账.pdf' });
    const responded = await call<TRectification>('staff', 'POST', `/api/rectifications/${item.id}/respond`, { version: 1, note: '已整改，附台账' });
    expect(responded.body).toMatchObject({ status: 'responded', evidence: [{ id: file.id, originalName: '整改台账.pdf' }] });
    const download = (username: string) => t.app.inject({ method: 'GET', url: `/api/evidence/${file.id}/download`, headers: { cookie: cookies[username]! } });
    expect((await download('staff')).statusCode).toBe(200);
    expect((await download('admin')).statusCode).toBe(200);
    expect((await download('staff2')).statusCode).toBe(404);
    expect((await download('county')).statusCode).toBe(404);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entity: 'rectification', entityId: String(item.id), action: 'evidence' } });
    expect(audit.changes).toEqual({ evidence: { from: null, to: '整改台账.pdf' } });
  });
});

describe('a special group’s office', () => {
  let ours: TTaskDetail;
  let theirs: TTaskDetail;
  beforeAll(async () => {
    cookies.group = await t.login('group');
    const groupId = async (name: string) => (await t.db.prisma.unit.findFirstOrThrow({ where: { name, kind: 'special_group' } })).id;
    ours = await newTask(await groupId('科技创新体制改革专项小组'));
    theirs = await newTask(await groupId('数字化改革专项小组'));
  });

  it('reads its group’s tasks only, and may inspect but not edit them', async () => {
    expect((await call('group', 'GET', `/api/tasks/${ours.id}`)).status).toBe(200);
    expect((await call('group', 'GET', `/api/tasks/${theirs.id}`)).status).toBe(404);
    const detail = await call<TTaskDetail>('group', 'GET', `/api/tasks/${ours.id}`);
    expect(detail.body.permissions.canEdit).toBe(false);
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/tasks/${ours.id}`, headers: { cookie: cookies.group! }, payload: { version: ours.version, objective: '专项小组改写目标' } });
    expect(edit.statusCode).toBe(403);
  });

  it('records an inspection on its group’s task, not on another group’s, and closes the items it raised', async () => {
    const refused = await call('group', 'POST', '/api/inspections', { title: '专项督察', inspectedOn: TEST_TODAY, inspectors: '科技创新组', taskIds: [theirs.id], findings: '问题' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ path: 'taskIds.0', message: '任务不存在或不在您的范围内' }]);
    const inspectionId = await inspect([ours.id], 'group');
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 20), '专项小组督察发现的问题', 'group');
    const outsider = await call('group', 'POST', `/api/inspections/${inspectionId}/rectifications`, {
      description: '无关单位整改',
      ownerUnitId: (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市发展改革委' } })).id,
      deadline: addDays(TEST_TODAY, 20),
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.fields![0]!.path).toBe('ownerUnitId');

    expect((await call('group', 'POST', `/api/rectifications/${item.id}/respond`, { version: 1, note: '代为反馈' })).status).toBe(403);
    await uploadEvidence('staff', item.id);
    expect((await call('staff', 'POST', `/api/rectifications/${item.id}/respond`, { version: 1, note: '已整改到位，附台账' })).status).toBe(200);
    expect((await call<TTodo[]>('group', 'GET', '/api/todos')).body).toContainEqual(expect.objectContaining({ kind: 'rectification-review', rectificationId: item.id }));
    const closed = await call<TRectification>('group', 'POST', `/api/rectifications/${item.id}/close`, { version: 2, note: '核查属实，同意销号' });
    expect(closed.body).toMatchObject({ status: 'closed', actions: ['reopen'], evidence: [{ originalName: '整改台账.pdf' }] });
    const reopened = await call<TRectification>('group', 'POST', `/api/rectifications/${item.id}/reopen`, { version: 3, reason: '回头看发现反弹' });
    expect(reopened.body.status).toBe('open');
  });

  it('cannot touch another’s items: the office’s on its task (403), another group’s (404)', async () => {
    const officeItem = await rectify(await inspect([ours.id]), addDays(TEST_TODAY, 20), '改革办督察发现的问题');
    expect((await call('staff', 'POST', `/api/rectifications/${officeItem.id}/respond`, { version: 1, note: '已整改到位' })).status).toBe(200);
    const seen = await call<TRectification>('group', 'GET', `/api/rectifications/${officeItem.id}`);
    expect(seen.body.actions).toEqual([]);
    expect((await call('group', 'POST', `/api/rectifications/${officeItem.id}/close`, { version: 2, note: '越权销号' })).status).toBe(403);
    const elsewhereInspection = await inspect([theirs.id]);
    const elsewhere = await rectify(elsewhereInspection, addDays(TEST_TODAY, 20), '其他小组任务的问题');
    expect((await call('group', 'GET', `/api/rectifications/${elsewhere.id}`)).status).toBe(404);
    expect((await call('group', 'POST', `/api/rectifications/${elsewhere.id}/close`, { version: 1, note: '越权销号' })).status).toBe(404);
    expect((await call('group', 'POST', `/api/inspections/${elsewhereInspection}/rectifications`, { description: '越权', ownerUnitId: kejiju, deadline: TEST_TODAY })).status).toBe(404);
    expect((await call('group', 'POST', `/api/inspections/${await inspect([ours.id])}/rectifications`, { description: '越权', ownerUnitId: kejiju, deadline: TEST_TODAY })).status).toBe(403);
  });
});

describe('scope', () => {
  it('hides another unit’s items (404 on read and act) and refuses every write to the leader (403)', async () => {
    const inspectionId = await inspect([task.id]);
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 10), '整改事项丙');
    expect((await call('staff2', 'GET', `/api/rectifications/${item.id}`)).status).toBe(404);
    expect((await call('staff2', 'GET', `/api/inspections/${inspectionId}`)).status).toBe(404);
    expect((await call('staff2', 'POST', `/api/rectifications/${item.id}/respond`, { version: 1, note: '越权反馈' })).status).toBe(404);
    const listed = await call<TRectificationPage>('staff2', 'GET', `/api/rectifications?taskId=${task.id}`);
    expect(listed.body).toEqual({ items: [], total: 0 });
    expect((await call('county', 'GET', `/api/rectifications/${item.id}`)).status).toBe(404);
    expect((await call('leader', 'GET', `/api/rectifications/${item.id}`)).status).toBe(200);
    for (const [url, body] of [
      ['/api/inspections', { title: '督察', inspectedOn: TEST_TODAY, inspectors: '组', taskIds: [task.id], findings: '问题' }],
      [`/api/inspections/${inspectionId}/rectifications`, { description: '整改', ownerUnitId: kejiju, deadline: TEST_TODAY }],
      [`/api/rectifications/${item.id}/respond`, { version: 1, note: '领导反馈' }],
      [`/api/rectifications/${item.id}/close`, { version: 1, note: '领导销号' }],
      [`/api/rectifications/${item.id}/reopen`, { version: 1, reason: '领导重开' }],
      ['/api/reminders/run', undefined],
    ] as const) {
      expect((await call('leader', 'POST', url, body)).status, url).toBe(403);
    }
    expect((await call('staff', 'POST', `/api/inspections/${inspectionId}/rectifications`, { description: '整改', ownerUnitId: kejiju, deadline: TEST_TODAY })).status).toBe(403);
    expect((await call('staff', 'GET', '/api/reminders')).status).toBe(403);
  });
});

describe('20 closes at once', () => {
  it('close the item exactly once; the others get 409 with the current record', async () => {
    const inspectionId = await inspect([task.id]);
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 10), '整改事项丁');
    expect((await call('staff', 'POST', `/api/rectifications/${item.id}/respond`, { version: 1, note: '已整改到位' })).status).toBe(200);
    const replies = await Promise.all(Array.from({ length: 20 }, () => call<TRectification>('admin', 'POST', `/api/rectifications/${item.id}/close`, { version: 2, note: '同意销号' })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.current?.status === 'closed')).toBe(true);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'rectification-close', entityId: String(task.id) } })).toBeGreaterThanOrEqual(1);
  });
});

describe('to-dos', () => {
  it('hold the unit’s items due soon or overdue, and the office’s items waiting to be closed', async () => {
    const inspectionId = await inspect([task.id]);
    const due = await rectify(inspectionId, addDays(TEST_TODAY, 2), '整改事项戊');
    const todos = (await call<TTodo[]>('staff', 'GET', '/api/todos')).body;
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'rectification', rectificationId: due.id, deadline: addDays(TEST_TODAY, 2), body: '整改事项戊' }));
    expect((await call<TTodo[]>('staff2', 'GET', '/api/todos')).body.some((x) => x.kind === 'rectification' && x.rectificationId === due.id)).toBe(false);
    await call('staff', 'POST', `/api/rectifications/${due.id}/respond`, { version: 1, note: '已整改完毕' });
    expect((await call<TTodo[]>('staff', 'GET', '/api/todos')).body.some((x) => x.kind === 'rectification' && x.rectificationId === due.id)).toBe(false);
    expect((await call<TTodo[]>('admin', 'GET', '/api/todos')).body).toContainEqual(
      expect.objectContaining({ kind: 'rectification-review', rectificationId: due.id }),
    );
  });
});

describe('reminders', () => {
  it('go out by e-mail and webhook once per thing, recipient and day, even with two sweepers at once', async () => {
    await t.db.prisma.user.update({ where: { username: 'staff' }, data: { email: 'staff@kjj.example.gov.cn' } });
    const inspectionId = await inspect([task.id]);
    const before = await rectify(inspectionId, addDays(TEST_TODAY, 3), '三天后到期的整改事项');
    const after = await rectify(inspectionId, addDays(TEST_TODAY, -1), '昨天到期的整改事项');

    const mails: { to: string[]; text: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, done) {
        done();
        void address;
      },
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: Buffer.concat(chunks).toString('utf8') });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    const hooks: Record<string, unknown>[] = [];
    const hook = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString('utf8')));
      request.on('end', () => {
        hooks.push(JSON.parse(body) as Record<string, unknown>);
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookPort = (hook.address() as AddressInfo).port;

    try {
      const channels = [emailChannel(`smtp://127.0.0.1:${smtpPort}`, 'reform@example.gov.cn'), webhookChannel(`http://127.0.0.1:${hookPort}/bot`)];
      const [first, second] = await Promise.all([sendDueReminders(t.db, TEST_TODAY, channels), sendDueReminders(t.db, TEST_TODAY, channels)]);
      expect((first ?? 0) + (second ?? 0)).toBeGreaterThanOrEqual(2);
      expect(await sendDueReminders(t.db, TEST_TODAY, channels)).toBe(0);

      const log = await t.db.prisma.reminderLog.findMany({ orderBy: { id: 'asc' } });
      const keys = log.map((r) => `${r.thing}|${r.recipient}|${r.day.toISOString()}`);
      expect(new Set(keys).size).toBe(keys.length);
      const mine = log.filter((r) => r.thing === `rectification:${before.id}` || r.thing === `rectification:${after.id}`);
      expect(mine.map((r) => r.kind).sort()).toEqual(['rectification-after', 'rectification-before']);
      expect(mine.every((r) => r.channels === 'app,email,webhook' && r.outcome === '邮件：已发送 1 人；Webhook：200')).toBe(true);
      expect(hooks).toHaveLength(log.length);
      expect(hooks).toContainEqual(expect.objectContaining({ kind: 'rectification-before', dueDate: addDays(TEST_TODAY, 3), unit: { id: kejiju, name: '市科技局' } }));
      const kejijuRows = log.filter((r) => r.unitId === kejiju);
      expect(mails).toHaveLength(kejijuRows.length);
      expect(mails.every((m) => m.to.join() === 'staff@kjj.example.gov.cn')).toBe(true);
      expect(mails.some((m) => m.text.includes('Subject:'))).toBe(true);

      const page = await call<TReminderPage>('admin', 'GET', `/api/reminders?day=${TEST_TODAY}&unitId=${kejiju}`);
      expect(page.status).toBe(200);
      expect(page.body.items.map((r) => r.thing)).toEqual(expect.arrayContaining([`rectification:${before.id}`, `rectification:${after.id}`]));
      expect(page.body.total).toBe(kejijuRows.length);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  });

  it('record a failing channel’s answer instead of failing the sweep', async () => {
    const inspectionId = await inspect([task.id]);
    const item = await rectify(inspectionId, addDays(TEST_TODAY, 3), '通道失败时的整改事项');
    const hook = createServer((_request, response) => response.writeHead(502).end());
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      await sendDueReminders(t.db, TEST_TODAY, [webhookChannel(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/`)]);
      const row = await t.db.prisma.reminderLog.findFirstOrThrow({ where: { thing: `rectification:${item.id}` } });
      expect(row.outcome).toBe('Webhook：发送失败（HTTP 502）');
    } finally {
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  });
});

describe('quarterly reports in the to-dos, and 一键催报', () => {
  it('lists the unit’s report to fill, reminds the units with reports missing once a day, and refuses the leader', async () => {
    const created = await call<TTaskDetail>('admin', 'POST', '/api/tasks', {
      list: 'mandate',
      title: `季度报告催报测试任务${Math.random().toString(36).slice(2, 8)}`,
      field: '科技创新',
      level: 'city',
      priority: 'normal',
      year: 2026,
      startDate: '2026-07-01',
      deadline: '2027-08-31',
      leadUnitId: kejiju,
      milestones: [{ name: '完成主要改革举措', dueDate: '2027-05-31' }],
    });
    expect(created.status).toBe(201);
    const round = await call<{ id: number }>('admin', 'POST', '/api/report-rounds', { year: 2026, quarter: 3 });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const report = await t.db.prisma.progressReport.findFirstOrThrow({ where: { taskId: created.body.id, year: 2026, quarter: 3 } });

    const todos = (await call<TTodo[]>('staff', 'GET', '/api/todos')).body;
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'report-fill', reportId: report.id, year: 2026, quarter: 3, task: expect.objectContaining({ id: created.body.id }) }));
    expect((await call<TTodo[]>('staff2', 'GET', '/api/todos')).body.some((x) => x.kind === 'report-fill' && x.reportId === report.id)).toBe(false);

    expect((await call('leader', 'POST', `/api/report-rounds/${round.body.id}/reminders`)).status).toBe(403);
    expect((await call('staff', 'POST', `/api/report-rounds/${round.body.id}/reminders`)).status).toBe(403);
    const first = await call<{ units: number; sent: number; alreadyToday: number; message: string }>('admin', 'POST', `/api/report-rounds/${round.body.id}/reminders`);
    expect(first.status).toBe(200);
    expect(first.body.sent).toBe(first.body.units);
    expect(first.body.units).toBeGreaterThanOrEqual(1);
    const logged = await t.db.prisma.reminderLog.findFirst({ where: { thing: `report-round:${round.body.id}`, unitId: kejiju } });
    expect(logged).toMatchObject({ kind: 'report-missing', recipient: `unit:${kejiju}` });
    const again = await call<{ units: number; sent: number; alreadyToday: number }>('admin', 'POST', `/api/report-rounds/${round.body.id}/reminders`);
    expect(again.body).toMatchObject({ sent: 0, alreadyToday: first.body.units });
    expect(await t.db.prisma.reminderLog.count({ where: { thing: `report-round:${round.body.id}` } })).toBe(first.body.units);

    // Submitted, it leaves the unit's list and waits in the reviewer's.
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/reports/${report.id}`,
      headers: { cookie: cookies.staff! },
      payload: { version: report.version, progressText: '按计划推进改革举措', nextSteps: '下季度完成主要举措', percentComplete: 30 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call('staff', 'POST', `/api/reports/${report.id}/submit`, { version: (saved.json() as { version: number }).version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect((await call<TTodo[]>('staff', 'GET', '/api/todos')).body.some((x) => x.kind === 'report-fill' && x.reportId === report.id)).toBe(false);
    expect((await call<TTodo[]>('admin', 'GET', '/api/todos')).body.some((x) => x.kind === 'report-review' && x.reportId === report.id)).toBe(true);
  });
});
