import type { TTaskListItem } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSearchTerms } from '../src/modules/search/refresh-search-terms.ts';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
type Page = { items: TTaskListItem[]; total: number };

async function search(username: string, q: string, extra = ''): Promise<Page> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/tasks?q=${encodeURIComponent(q)}&pageSize=200${extra}`,
    headers: { cookie: cookies[username]! },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Every task whose text or unit or leader names contain the word, found the slow and obvious way: a substring scan of every table. */
async function tasksContaining(word: string): Promise<number[]> {
  const like = `%${word}%`;
  const rows = await t.db.prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM task WHERE concat_ws(' ', code, title, objective, acceptance_criteria, lead_leader) LIKE ${like}
    UNION SELECT t.id FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE concat_ws(' ', u.name, u.short_name) LIKE ${like}
    UNION SELECT c.task_id FROM task_cooperating_unit c JOIN unit u ON u.id = c.unit_id WHERE concat_ws(' ', u.name, u.short_name) LIKE ${like}
    UNION SELECT task_id FROM task_measure WHERE content LIKE ${like}
    UNION SELECT task_id FROM task_outcome WHERE description LIKE ${like}
    UNION SELECT task_id FROM task_source_document WHERE title LIKE ${like}
    UNION SELECT task_id FROM task_comment WHERE body LIKE ${like}
    UNION SELECT task_id FROM progress_report WHERE concat_ws(' ', progress_text, outcomes_text, problems, next_steps) LIKE ${like}`;
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

async function idsOf(username: string, q: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const body = await search(username, q, `&page=${page}`);
    ids.push(...body.items.map((item) => item.id));
    if (ids.length >= body.total) return ids.sort((a, b) => a - b);
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'staff']) cookies[username] = await t.login(username);
});
afterAll(() => t.close());

describe('keyword search', () => {
  it('finds exactly the tasks whose title, task book, comments or reports contain a one- or two-character word', async () => {
    for (const word of ['改革', '试点', '数字', '税', '滞后']) {
      const expected = await tasksContaining(word);
      expect(expected.length, word).toBeGreaterThan(0);
      expect(await idsOf('admin', word), word).toEqual(expected);
    }
  });

  it('finds a longer phrase wherever it stands, including only in a quarterly report', async () => {
    const report = await t.db.prisma.progressReport.findFirstOrThrow({ where: { progressText: { not: '' } }, orderBy: { id: 'desc' } });
    const phrase = [...report.progressText].slice(4, 10).join('');
    const found = await idsOf('admin', phrase);
    expect(found).toContain(report.taskId);
    // Pairs approximate a phrase: every exact match is found, and little else.
    const exact = await tasksContaining(phrase);
    expect(found).toEqual(expect.arrayContaining(exact));
  });

  it('finds a task by the words it was just given, and no longer by the words it lost', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active' }, orderBy: { id: 'asc' } });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: cookies.admin! },
      payload: { version: task.version, title: '深化鹦鹉螺式集成改革' },
    });
    expect(patched.statusCode).toBe(200);
    expect((await search('admin', '鹦鹉螺')).items.map((item) => item.id)).toEqual([task.id]);
    const oldWord = [...task.title].slice(0, 4).join('');
    const stillThere = (await tasksContaining(oldWord)).includes(task.id);
    expect((await idsOf('admin', oldWord)).includes(task.id)).toBe(stillThere);
  });

  it('finds a comment as soon as it is posted', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect((await search('admin', '蜂鸟驿站')).total).toBe(0);
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/comments`,
      headers: { cookie: cookies.admin! },
      payload: { body: '请补充蜂鸟驿站试点的配套材料', mentionUnitIds: [] },
    });
    expect(posted.statusCode).toBe(201);
    expect((await search('admin', '蜂鸟驿站')).items.map((item) => item.id)).toEqual([task.id]);
  });

  it('finds a code by its beginning, in any case, and needs every word of the query', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ orderBy: { id: 'asc' } });
    expect((await search('admin', task.code.toLowerCase())).items.map((item) => item.code)).toEqual([task.code]);
    const prefix = task.code.slice(0, -1);
    expect((await idsOf('admin', prefix))).toContain(task.id);
    expect((await search('admin', `${task.code} 鹦鹉螺乌龙`)).total).toBe(0);
  });

  it('stays within the user’s scope', async () => {
    const all = await idsOf('admin', '改革');
    const mine = await idsOf('staff', '改革');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const visible = await t.db.prisma.task.count({
      where: {
        id: { in: mine },
        OR: [{ leadUnitId: kejiju.id }, { cooperatingUnits: { some: { unitId: kejiju.id } } }, { comments: { some: { mentions: { some: { unitId: kejiju.id } } } } }],
      },
    });
    expect(visible).toBe(mine.length);
  });

  it('answers a query of punctuation only with the codes that contain it, not an error', async () => {
    const body = await search('admin', '——');
    expect(body.total).toBe(0);
  });

  it('keeps the terms of new and bulk-loaded tasks current through the database triggers', async () => {
    const rows = await t.db.prisma.$queryRaw<{ tasks: number; indexed: number }[]>`
      SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM task_search) AS indexed`;
    expect(rows[0]!.indexed).toBe(rows[0]!.tasks);
    await t.db.prisma.$executeRaw`UPDATE task_search SET stale = true`;
    expect(await refreshSearchTerms(t.db)).toBe(rows[0]!.tasks);
    expect(await refreshSearchTerms(t.db)).toBe(0);
  });
});
