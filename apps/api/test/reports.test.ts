import type { TReportBoard, TReportDetail, TReportList, TReportRound, TReportSaved } from '@reform/contracts';
import { boardCountsOf } from '@reform/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, unitIdsByName, type TestApp } from './helpers.ts';

// The quarterly cycle (一季度一报) through the API, on 2026-11-20: the 2026 Q3 round (due
// 2026-10-10, so every submission today is late), scope, the board, review and concurrency.

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, number>;
let round: TReportRound;
let reportId: number;
let taskId: number;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
async function call<T = TReportDetail>(username: string, method: Method, url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() as T & { message?: string; current?: unknown; fields?: { path: string; message: string }[] } };
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const name of ['admin', 'county', 'staff', 'staff2', 'leader']) cookies[name] = await t.login(name);
  units = await unitIdsByName(t.db);
  // A running task of 市科技局 that 市发展改革委 has nothing to do with: its Q3 report is removed,
  // so opening the round creates it (a draft pre-filled from the facts).
  const task = await t.db.prisma.task.findFirstOrThrow({
    where: {
      leadUnitId: units['市科技局'],
      status: 'active',
      startDate: { lt: new Date('2026-06-30') },
      units: { none: { unitId: units['市发展改革委'] } },
      reports: { some: { year: 2026, quarter: 2 } },
    },
    orderBy: { id: 'asc' },
  });
  taskId = task.id;
  await t.db.prisma.progressReport.deleteMany({ where: { taskId, year: 2026, quarter: 3 } });
  await t.db.prisma.task.update({ where: { id: taskId }, data: { lightAsOf: null } });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** The board's counters (report_board_count, kept by triggers) against a recount of every report. */
async function expectCountersEqualRecount() {
  const columns = 'year, quarter, unit_id, expected, submitted, accepted, returned, late';
  const kept = await t.db.query(`SELECT ${columns} FROM report_board_count WHERE expected > 0 ORDER BY year, quarter, unit_id`);
  const recount = await t.db.query(
    `SELECT year, quarter, unit_id, count(*)::int AS expected,
            count(*) FILTER (WHERE submission_count > 0 OR status <> 'draft')::int AS submitted,
            count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
            count(*) FILTER (WHERE status = 'returned')::int AS returned,
            count(*) FILTER (WHERE late)::int AS late
     FROM progress_report GROUP BY year, quarter, unit_id ORDER BY year, quarter, unit_id`,
  );
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recount);
}

// Every test below changes reports (opening rounds, saves, submits, returns, accepts): after each
// one the board's counters must equal a recount.
afterEach(expectCountersEqualRecount);

describe('rounds', () => {
  it('a quarter opens only from the first day of its last month', async () => {
    const early = await call('admin', 'POST', '/api/report-rounds', { year: 2026, quarter: 4 });
    expect(early.status).toBe(400);
    expect(early.body.fields?.[0]?.path).toBe('quarter');
  });

  it('opening creates one report per active task, owned by its lead unit; the due date defaults to the setting', async () => {
    const opened = await call<TReportRound>('admin', 'POST', '/api/report-rounds', { year: 2026, quarter: 3 });
    expect(opened.status).toBe(201);
    round = opened.body;
    expect(round.id).toBeGreaterThan(0);
    expect(round.dueDate).toBe('2026-10-10');
    expect(round.createdCount).toBeGreaterThan(0);
    const created = await t.db.prisma.progressReport.findFirstOrThrow({ where: { taskId, year: 2026, quarter: 3 } });
    expect(created).toMatchObject({ unitId: units['市科技局'], status: 'draft', roundId: round.id });
    reportId = created.id;
    const listed = await call<{ items: TReportRound[] }>('leader', 'GET', '/api/report-rounds');
    expect(listed.body.items.map((r) => r.id)).toContain(round.id);
    expect((await call<TReportRound>('county', 'GET', `/api/report-rounds/${round.id}`)).status).toBe(200);
  });

  it('opening the same quarter twice answers 409, also with 20 at once', async () => {
    const again = await call('admin', 'POST', '/api/report-rounds', { year: 2026, quarter: 3 });
    expect(again.status).toBe(409);
    const replies = await Promise.all(Array.from({ length: 20 }, () => call('admin', 'POST', '/api/report-rounds', { year: 2026, quarter: 2 })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('a county office opens its own county’s round; unit staff and leaders may not open one', async () => {
    const county = await call<TReportRound>('county', 'POST', '/api/report-rounds', { year: 2026, quarter: 3, dueDate: '2026-10-15' });
    expect(county.status).toBe(201);
    expect(county.body.scopeUnit.name).toBe('嘉善县');
    expect((await call('staff', 'POST', '/api/report-rounds', { year: 2026, quarter: 1 })).status).toBe(403);
    expect((await call('leader', 'POST', '/api/report-rounds', { year: 2026, quarter: 1 })).status).toBe(403);
    // The county sees its own round and the city's, never another county's.
    const seen = await call<{ items: TReportRound[] }>('county', 'GET', '/api/report-rounds');
    expect(seen.body.items.every((r) => r.scopeUnit.name === '嘉善县' || r.scopeUnit.name === '市委改革办')).toBe(true);
  });
});

describe('a report filled once from facts', () => {
  it('carries the facts of the task and quarter, and pre-fills the percent from the previous report', async () => {
    const { status, body } = await call('staff', 'GET', `/api/reports/${reportId}`);
    expect(status).toBe(200);
    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(body.percentComplete).toBe(task.progress);
    const q2 = await t.db.prisma.progressReport.findFirstOrThrow({ where: { taskId, year: 2026, quarter: 2 } });
    expect(body.facts.previous).toMatchObject({ year: 2026, quarter: 2, nextSteps: q2.nextSteps, percentComplete: q2.percentComplete });
    const done = await t.db.prisma.milestone.count({ where: { taskId, doneDate: { gte: new Date('2026-07-01'), lte: new Date('2026-09-30') } } });
    expect(body.facts.milestonesCompleted).toHaveLength(done);
    const undone = await t.db.prisma.milestone.count({ where: { taskId, doneDate: null, dueDate: { lte: new Date('2026-09-30') } } });
    expect(body.facts.milestonesDueNotDone).toHaveLength(undone);
    expect(body.facts.outcomes.length).toBeGreaterThan(0);
    expect(body.dueDate).toBe('2026-10-10');
    expect(body.can).toMatchObject({ edit: true, submit: true, review: false });
  });

  it('staff of another unit cannot see or act on it (404); a leader gets 403 on every write', async () => {
    expect((await call('staff2', 'GET', `/api/reports/${reportId}`)).status).toBe(404);
    expect((await call('staff2', 'PATCH', `/api/reports/${reportId}`, { version: 1, progressText: 'x' })).status).toBe(404);
    expect((await call('staff2', 'POST', `/api/reports/${reportId}/submit`, { version: 1 })).status).toBe(404);
    const list = await call<TReportList>('staff2', 'GET', `/api/reports?taskId=${taskId}`);
    expect(list.body).toEqual({ items: [], total: 0 });
    expect((await call('leader', 'GET', `/api/reports/${reportId}`)).status).toBe(200);
    for (const [method, url, payload] of [
      ['PATCH', `/api/reports/${reportId}`, { version: 1, progressText: 'x' }],
      ['POST', `/api/reports/${reportId}/submit`, { version: 1 }],
      ['POST', `/api/reports/${reportId}/return`, { version: 1, comment: '请补充' }],
      ['POST', `/api/reports/${reportId}/accept`, { version: 1 }],
      ['PUT', `/api/reports/${reportId}/contribution`, { version: 0, text: 'x' }],
      ['POST', '/api/report-rounds', { year: 2026, quarter: 3 }],
    ] as const) {
      expect((await call('leader', method, url, payload)).status, `${method} ${url}`).toBe(403);
    }
  });

  it('lists the caller’s reports with the named fields', async () => {
    const { status, body } = await call<TReportList>('staff', 'GET', '/api/reports?year=2026&quarter=3&pageSize=200');
    expect(status).toBe(200);
    const item = body.items.find((r) => r.id === reportId)!;
    expect(Object.keys(item).sort()).toEqual(
      ['id', 'task', 'unit', 'year', 'quarter', 'status', 'late', 'percentComplete', 'submittedAt', 'dueDate', 'version'].sort(),
    );
    expect(item.task.id).toBe(taskId);
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);
  });
});

describe('submit, return, resubmit, accept', () => {
  it('saves a draft, refuses a submit without the required fields, then submits late after the due day', async () => {
    const empty = await call('staff', 'POST', `/api/reports/${reportId}/submit`, { version: 1 });
    expect(empty.status).toBe(400);
    expect(empty.body.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['progressText', 'nextSteps']));
    const detail = (await call('staff', 'GET', `/api/reports/${reportId}`)).body;
    const saved = await call<TReportSaved>('staff', 'PATCH', `/api/reports/${reportId}`, {
      version: detail.version,
      progressText: '本季度完成了方案起草。',
      nextSteps: '下季度推进试点。',
      percentComplete: Math.max(detail.percentComplete, detail.facts.previousAcceptedPercent ?? 0),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(detail.version + 1);
    const stale = await call('staff', 'PATCH', `/api/reports/${reportId}`, { version: detail.version, problems: '旧版本' });
    expect(stale.status).toBe(409);
    if (detail.facts.previousAcceptedPercent) {
      const lower = await call('staff', 'PATCH', `/api/reports/${reportId}`, { version: saved.body.version, percentComplete: detail.facts.previousAcceptedPercent - 1 });
      expect(lower.status).toBe(400);
      expect(lower.body.fields?.[0]?.path).toBe('percentReason');
    }
    const submitted = await call('staff', 'POST', `/api/reports/${reportId}/submit`, { version: saved.body.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: true, submissionCount: 1 });
    expect(submitted.body.versions).toHaveLength(1);
    expect(submitted.body.firstSubmittedAt).not.toBeNull();
    // The light's "report late" reason clears as soon as the report comes in.
    const light = await t.db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { lightReason: true, lightAsOf: true } });
    expect(light.lightAsOf).not.toBeNull();
    expect(light.lightReason).not.toContain('进展报告逾期未报');
  });

  it('unit staff cannot review; illegal transitions answer 409 with the current record', async () => {
    const detail = (await call('admin', 'GET', `/api/reports/${reportId}`)).body;
    expect((await call('staff', 'POST', `/api/reports/${reportId}/accept`, { version: detail.version })).status).toBe(403);
    const resubmit = await call('staff', 'POST', `/api/reports/${reportId}/submit`, { version: detail.version });
    expect(resubmit.status).toBe(409);
    expect((resubmit.body.current as TReportDetail).status).toBe('submitted');
    const noComment = await call('admin', 'POST', `/api/reports/${reportId}/return`, { version: detail.version, comment: '' });
    expect(noComment.status).toBe(400);
    const returned = await call('admin', 'POST', `/api/reports/${reportId}/return`, { version: detail.version, comment: '请补充佐证材料' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '请补充佐证材料' });
    const acceptReturned = await call('admin', 'POST', `/api/reports/${reportId}/accept`, { version: returned.body.version });
    expect(acceptReturned.status).toBe(409);
  });

  it('the unit fixes and resubmits: it stays late, both versions are kept and the reviewer sees the diff', async () => {
    const detail = (await call('staff', 'GET', `/api/reports/${reportId}`)).body;
    const saved = await call<TReportSaved>('staff', 'PATCH', `/api/reports/${reportId}`, { version: detail.version, progressText: '本季度完成了方案起草和征求意见。' });
    const again = await call('staff', 'POST', `/api/reports/${reportId}/submit`, { version: saved.body.version });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'submitted', late: true, submissionCount: 2 });
    expect(again.body.versions.map((v) => v.reviewStatus)).toEqual(['returned', null]);
    const diff = await call<{ from: number; to: number; fields: { field: string; changed: boolean; parts: { value: string; added: boolean }[] }[] }>(
      'admin',
      'GET',
      `/api/reports/${reportId}/diff`,
    );
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2 });
    const progress = diff.body.fields.find((f) => f.field === 'progressText')!;
    expect(progress.changed).toBe(true);
    expect(progress.parts.filter((p) => p.added).map((p) => p.value).join('')).toBe('和征求意见');
  });

  it('of 20 accepts sent at once exactly one succeeds; the task takes its percent; then it is final', async () => {
    const detail = (await call('admin', 'GET', `/api/reports/${reportId}`)).body;
    const replies = await Promise.all(Array.from({ length: 20 }, () => call('admin', 'POST', `/api/reports/${reportId}/accept`, { version: detail.version })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.progress).toBe(detail.percentComplete);
    const accepted = (await call('staff', 'GET', `/api/reports/${reportId}`)).body;
    expect(accepted.can).toMatchObject({ edit: false, submit: false });
    expect((await call('staff', 'PATCH', `/api/reports/${reportId}`, { version: accepted.version, problems: '改' })).status).toBe(409);
    expect((await call('staff', 'POST', `/api/reports/${reportId}/submit`, { version: accepted.version })).status).toBe(409);
    const history = await t.db.prisma.auditLog.findMany({ where: { entity: 'task', entityId: String(taskId), action: { startsWith: 'report-' } } });
    expect(history.map((h) => h.action)).toEqual(['report-submit', 'report-return', 'report-submit', 'report-accept']);
  });

  it('accepting a draft is refused with 409', async () => {
    const draft = await t.db.prisma.progressReport.findFirstOrThrow({ where: { status: 'draft', roundId: round.id } });
    const reply = await call('admin', 'POST', `/api/reports/${draft.id}/accept`, { version: draft.version });
    expect(reply.status).toBe(409);
    expect((reply.body.current as TReportDetail).status).toBe('draft');
  });
});

describe('the board', () => {
  it('stays equal to a recount when 20 reports of one unit are accepted at once', async () => {
    // 20 reports of the quarter handed in, few units (so the accepts contend on their counter
    // rows), written directly: the triggers see every write, whichever code makes it.
    const drafts = await t.db.prisma.progressReport.findMany({
      where: { year: 2026, quarter: 3, status: { in: ['draft', 'returned'] } },
      select: { id: true },
      orderBy: [{ unitId: 'asc' }, { id: 'asc' }],
      take: 20,
    });
    expect(drafts).toHaveLength(20);
    const ids = drafts.map((d) => d.id);
    await t.db.prisma.progressReport.updateMany({
      where: { id: { in: ids } },
      data: { status: 'submitted', submissionCount: 1, submittedAt: new Date(), progressText: '已完成', nextSteps: '继续推进', version: { increment: 1 } },
    });
    await expectCountersEqualRecount();
    const before = (await call<TReportBoard>('admin', 'GET', `/api/report-rounds/${round.id}/board`)).body.totals;
    const submitted = await t.db.prisma.progressReport.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } });
    const replies = await Promise.all(submitted.map((r) => call('admin', 'POST', `/api/reports/${r.id}/accept`, { version: r.version })));
    expect(replies.map((r) => r.status)).toEqual(submitted.map(() => 200));
    const after = (await call<TReportBoard>('admin', 'GET', `/api/report-rounds/${round.id}/board`)).body.totals;
    expect(after).toMatchObject({ expected: before.expected, submitted: before.submitted, accepted: before.accepted + 20 });
  });

  it('opening a round marks no task’s search terms stale; only a report’s text does', async () => {
    // Some tasks lose their 2026 Q1 report, so opening that quarter creates them anew.
    const gone = await t.db.query<{ id: number }>(
      `SELECT r.id FROM progress_report r JOIN task t ON t.id = r.task_id WHERE r.year = 2026 AND r.quarter = 1 AND t.status = 'active' ORDER BY r.id LIMIT 5`,
    );
    await t.db.prisma.progressReport.deleteMany({ where: { id: { in: gone.map((r) => r.id) } } });
    await t.db.query('UPDATE task_search SET stale = false');
    const opened = await call<TReportRound>('admin', 'POST', '/api/report-rounds', { year: 2026, quarter: 1 });
    expect(opened.status).toBe(201);
    expect(opened.body.createdCount).toBeGreaterThanOrEqual(5);
    const stale = () => t.db.query<{ task_id: number }>('SELECT task_id FROM task_search WHERE stale');
    expect(await stale()).toEqual([]);
    const draft = await t.db.prisma.progressReport.findFirstOrThrow({ where: { roundId: opened.body.id, status: 'draft' } });
    expect((await call('admin', 'PATCH', `/api/reports/${draft.id}`, { version: draft.version, percentComplete: draft.percentComplete })).status).toBe(200);
    expect(await stale()).toEqual([]);
    expect((await call('admin', 'PATCH', `/api/reports/${draft.id}`, { version: draft.version + 1, problems: '资金未到位' })).status).toBe(200);
    expect(await stale()).toEqual([{ task_id: draft.taskId }]);
  });

  it('counts per unit as the domain defines them, and the totals add up', async () => {
    const { status, body } = await call<TReportBoard>('admin', 'GET', `/api/report-rounds/${round.id}/board`);
    expect(status).toBe(200);
    const reports = await t.db.prisma.progressReport.findMany({ where: { year: 2026, quarter: 3 }, select: { unitId: true, status: true, submissionCount: true, late: true } });
    expect(body.totals).toEqual(boardCountsOf(reports));
    const kejiju = body.units.find((u) => u.unit.id === units['市科技局'])!;
    expect(kejiju).toMatchObject(boardCountsOf(reports.filter((r) => r.unitId === units['市科技局'])));
    expect(kejiju.accepted).toBeGreaterThanOrEqual(1);
    expect(body.totals.missing).toBe(body.totals.expected - body.totals.submitted);
    // A county office sees only its county's units on the city's board.
    const county = await call<TReportBoard>('county', 'GET', `/api/report-rounds/${round.id}/board`);
    expect(county.status).toBe(200);
    expect(county.body.units.some((u) => u.unit.id === units['市科技局'])).toBe(false);
  });
});
