import { appendFileSync } from 'node:fs';
import type { TAdjustment, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';
import { statementCounter } from './statements.ts';

// Every SQL statement is a round trip, and on the embedded database every other user waits for it.
// The budgets are the measured counts; a write that grows past its budget has started loading
// something twice (set STATEMENTS_DUMP=<file> to see the statements).
const counter = statementCounter();
let t: TestApp;
const cookies: Record<string, string> = {};
const measured: Record<string, number> = {};

async function counted(name: string, username: string, method: 'POST' | 'PATCH', url: string, payload: unknown) {
  const { result, statements } = await counter.during(() =>
    t.app.inject({ method, url, headers: { cookie: cookies[username]! }, payload: payload as object }),
  );
  expect(result.statusCode, result.body).toBeLessThan(300);
  measured[name] = statements.length;
  if (process.env.STATEMENTS_DUMP) appendFileSync(process.env.STATEMENTS_DUMP, `\n## ${name}\n${statements.join('\n')}\n`);
  return { body: result.json(), statements };
}

let task: TTaskDetail;

beforeAll(async () => {
  t = await buildTestApp({ onQuery: counter.onQuery });
  for (const username of ['admin', 'staff']) cookies[username] = await t.login(username);
}, 600_000);
afterAll(async () => {
  console.log('statements per write', measured);
  await t.close();
});

describe('the statements of the common writes', () => {
  it('creating a task', async () => {
    const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const { body, statements } = await counted('create task', 'admin', 'POST', '/api/tasks', {
      list: 'mandate',
      title: '深化科技成果使用权改革',
      field: '科技创新',
      level: 'city',
      priority: 'normal',
      year: 2026,
      startDate: '2026-09-01',
      deadline: '2027-12-31',
      leadUnitId: kejiju.id,
      measures: ['建立赋权清单', '开展试点'],
      milestones: [
        { name: '出台实施方案', dueDate: '2026-10-31' },
        { name: '完成主要改革举措', dueDate: '2027-06-30' },
        { name: '总结评估验收', dueDate: '2027-12-31' },
      ],
    });
    task = body;
    expect(statements.length).toBeLessThanOrEqual(BUDGET.createTask);
  });

  it('a title-and-measures edit', async () => {
    const { body, statements } = await counted('PATCH title+measures', 'admin', 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      title: '深化科技成果使用权和收益权改革',
      measures: ['建立赋权清单', '开展试点', '总结推广'],
    });
    task = body;
    expect(statements.length).toBeLessThanOrEqual(BUDGET.patch);
  });

  it('a status change', async () => {
    const { body, statements } = await counted('status change', 'admin', 'POST', `/api/tasks/${task.id}/status`, {
      status: 'suspended',
      reason: '等待省级政策',
      version: task.version,
    });
    task = body;
    expect(statements.length).toBeLessThanOrEqual(BUDGET.status);
    task = (await counted('status change back', 'admin', 'POST', `/api/tasks/${task.id}/status`, { status: 'active', version: task.version })).body;
  });

  it('approving the baseline', async () => {
    const { body, statements } = await counted('baseline approval', 'admin', 'POST', `/api/tasks/${task.id}/baseline`, { version: task.version });
    task = body;
    expect(statements.length).toBeLessThanOrEqual(BUDGET.baseline);
  });

  it('completing a milestone', async () => {
    const first = task.milestones[0]!;
    const { body, statements } = await counted('milestone completion', 'staff', 'POST', `/api/tasks/${task.id}/milestones/${first.id}/complete`, {
      version: first.version,
      doneDate: TEST_TODAY,
    });
    task = body;
    expect(statements.length).toBeLessThanOrEqual(BUDGET.complete);
  });

  it('requesting and deciding an adjustment', async () => {
    const last = task.milestones[2]!;
    const requested = await counted('adjustment request', 'staff', 'POST', `/api/tasks/${task.id}/adjustments`, {
      reason: '省级配套政策尚未出台，需顺延',
      milestones: [{ id: last.id, dueDate: '2027-11-30' }],
    });
    expect(requested.statements.length).toBeLessThanOrEqual(BUDGET.requestAdjustment);
    const adjustment = requested.body as TAdjustment;
    const decided = await counted('adjustment decision', 'admin', 'POST', `/api/adjustments/${adjustment.id}/decision`, {
      version: adjustment.version,
      decision: 'approve',
    });
    expect(decided.statements.length).toBeLessThanOrEqual(BUDGET.decideAdjustment);
  });
});

// Measured 2026-12-02 (the session's 4 statements included): 47 → 12 for the PATCH; see /work/notes/conc.md.
const BUDGET = {
  createTask: 15,
  patch: 12,
  status: 9,
  baseline: 8,
  complete: 10,
  requestAdjustment: 6,
  decideAdjustment: 11,
};
