import type { TTaskListItem } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@reform/db';
import type { SessionUser } from '../src/access/session-user.ts';
import { taskScope } from '../src/access/policy.ts';
import { refreshSearchTerms } from '../src/modules/search/refresh-search-terms.ts';
import { searchTasks, type WalkingFrom } from '../src/modules/search/search-tasks.ts';
import { searchQueryTerms } from '@reform/domain';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
type Page = { items: TTaskListItem[]; total: number; searchWords?: string[] };

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

  it('finds the tasks holding every word of a phrase, wherever each stands, and says which words it searched', async () => {
    const body = await search('admin', '营商环境改革');
    expect(body.searchWords).toEqual(['营商', '环境', '改革']);
    const [a, b, c] = await Promise.all(['营商', '环境', '改革'].map(tasksContaining));
    const expected = a!.filter((id) => b!.includes(id) && c!.includes(id));
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsOf('admin', '营商环境改革')).toEqual(expected);
    expect((await search('admin', '营商环境 乌龙鹦鹉')).total).toBe(0);
  });

  it('lists the tasks whose title holds every word first, each group in the chosen order', async () => {
    for (const extra of ['', '&sort=deadline&order=desc']) {
      const items: TTaskListItem[] = [];
      for (let page = 1; ; page++) {
        const body = await t.app.inject({
          method: 'GET',
          url: `/api/tasks?q=${encodeURIComponent('数字')}&pageSize=25&page=${page}${extra}`,
          headers: { cookie: cookies.admin! },
        });
        const { items: pageItems, total } = body.json() as Page;
        items.push(...pageItems);
        if (items.length >= total) break;
      }
      const inTitle = items.map((item) => item.title.includes('数字'));
      const firstElsewhere = inTitle.indexOf(false);
      expect(firstElsewhere, extra).toBeGreaterThan(0);
      expect(inTitle.slice(firstElsewhere), extra).not.toContain(true);
      // Every match exactly once, across pages that straddle the two groups.
      expect(items.map((item) => item.id).sort((x, y) => x - y)).toEqual(await tasksContaining('数字'));
      const key = (item: TTaskListItem) => (extra ? item.deadline : item.code);
      for (const group of [items.slice(0, firstElsewhere), items.slice(firstElsewhere)]) {
        const keys = group.map(key);
        expect(keys, extra).toEqual([...keys].sort((x, y) => (extra ? y.localeCompare(x) : x.localeCompare(y))));
      }
    }
  });

  it('finds tasks by the names of their lead and cooperating units and of their lead leader', async () => {
    const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const byUnit = await idsOf('admin', '市科技局');
    const led = await t.db.prisma.task.findMany({ where: { leadUnitId: kejiju.id }, select: { id: true } });
    const cooperating = await t.db.prisma.taskCooperatingUnit.findMany({ where: { unitId: kejiju.id }, select: { taskId: true } });
    expect(led.length).toBeGreaterThan(0);
    expect(cooperating.length).toBeGreaterThan(0);
    expect(byUnit).toEqual(expect.arrayContaining([...led.map((row) => row.id), ...cooperating.map((row) => row.taskId)]));
    expect(byUnit).toEqual(expect.arrayContaining(await tasksContaining('市科技局')));

    const task = await t.db.prisma.task.findFirstOrThrow({ where: { leadLeader: { not: '' } }, orderBy: { id: 'asc' } });
    const name = task.leadLeader.split(/[（(]/)[0]!;
    expect(await idsOf('admin', name)).toContain(task.id);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: cookies.admin! },
      payload: { version: task.version, leadLeader: '欧阳翠鸟（副市长）' },
    });
    expect(patched.statusCode).toBe(200);
    expect((await search('admin', '欧阳翠鸟')).items.map((item) => item.id)).toEqual([task.id]);
  });

  it('finds a unit’s tasks by its new name once it is renamed, whatever renamed it', async () => {
    const unit = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const before = await idsOf('admin', '市科技局');
    await t.db.prisma.unit.update({ where: { id: unit.id }, data: { name: '市科学技术鹈鹕局' } });
    try {
      expect(await idsOf('admin', '鹈鹕')).toEqual(before);
      const after = await idsOf('admin', '市科技局');
      expect(after).toEqual(expect.arrayContaining(await tasksContaining('市科技局')));
      expect(after.length).toBeLessThan(before.length);
    } finally {
      await t.db.prisma.unit.update({ where: { id: unit.id }, data: { name: unit.name } });
    }
    expect(await idsOf('admin', '鹈鹕')).toEqual([]);
  });

  it('answers searches sent at once, on the embedded database too', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({ method: 'GET', url: `/api/tasks?q=${encodeURIComponent(i % 2 ? '改革' : '数字 改革')}`, headers: { cookie: cookies.admin! } }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(10).fill(200));
  });

  it('pages alike whether it walks the sort order or reads through the GIN index, with totals as counted one by one', async () => {
    const userOf = async (username: string): Promise<SessionUser> => {
      const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username }, include: { unit: true } });
      const unit = { id: user.unit.id, name: user.unit.name, kind: user.unit.kind, path: user.unit.path };
      return { id: user.id, username, displayName: user.displayName, role: user.role, unit, scopePath: unit.path, scopeUnitIds: [unit.id] };
    };
    await refreshSearchTerms(t.db);
    const walking: WalkingFrom = { size: 0, share: 0 };
    const throughIndex: WalkingFrom = { size: Infinity, share: 1 };
    const orders: Prisma.TaskOrderByWithRelationInput[][] = [[{ code: 'asc' }], [{ deadline: 'desc' }, { id: 'asc' }]];
    for (const user of [await userOf('admin'), await userOf('staff')]) {
      const ctx = { db: t.db, user, today: '2026-11-20', requestId: 'test' };
      for (const where of [{ AND: [taskScope(user)] }, { AND: [taskScope(user), { list: 'pilot' as const }] }]) {
        for (const q of ['改革', '数字', '营商环境改革', '税']) {
          const matching = await t.db.prisma.task.count({ where: { AND: [where, { search: { is: { terms: { hasEvery: searchQueryTerms(q) } } } }] } });
          for (const orderBy of orders) {
            const pages = async (walkFrom: WalkingFrom) => {
              const ids: number[] = [];
              for (let skip = 0; ; skip += 7) {
                const page = await searchTasks(ctx, q, where, { skip, take: 7 }, (client, pageWhere, s, take) =>
                  client.task.findMany({ where: pageWhere, select: { id: true }, orderBy, skip: s, take }), walkFrom);
                expect(page.total, `${user.username} ${q}`).toBe(matching);
                ids.push(...page.items.map((item) => item.id));
                if (page.items.length < 7) return ids;
              }
            };
            const walked = await pages(walking);
            expect(walked).toHaveLength(matching);
            expect(walked, `${user.username} ${q}`).toEqual(await pages(throughIndex));
          }
        }
      }
    }
  });
});
