import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

// The access scopes read task_unit; these tests prove the triggers keep it equal to the facts.
let t: TestApp;
let admin: string;
let staff: string;

/** Memberships as the facts state them, and as the table holds them. */
async function membershipsBothWays(): Promise<{ facts: string[]; table: string[] }> {
  const facts = await t.db.prisma.$queryRaw<{ m: string }[]>`
    SELECT concat_ws(':', task_id, unit_id, role) AS m FROM (
      SELECT id AS task_id, lead_unit_id AS unit_id, 'lead' AS role FROM task
      UNION SELECT task_id, unit_id, 'cooperating' FROM task_cooperating_unit
      UNION SELECT task_id, applying_county_id, 'applicant' FROM pilot_detail WHERE applying_county_id IS NOT NULL
      UNION SELECT c.task_id, m.unit_id, 'mentioned' FROM task_comment_mention m JOIN task_comment c ON c.id = m.comment_id
    ) f ORDER BY 1`;
  const table = await t.db.prisma.$queryRaw<{ m: string }[]>`
    SELECT concat_ws(':', task_id, unit_id, role) AS m FROM task_unit ORDER BY 1`;
  return { facts: facts.map((r) => r.m), table: table.map((r) => r.m) };
}

async function expectTableMatchesFacts() {
  const { facts, table } = await membershipsBothWays();
  expect(table).toEqual(facts);
}

async function visibleToStaff(taskId: number): Promise<boolean> {
  const response = await t.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: { cookie: staff } });
  expect([200, 404]).toContain(response.statusCode);
  return response.statusCode === 200;
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
  staff = await t.login('staff');
});
afterAll(() => t.close());

describe('task–unit memberships', () => {
  it('match the facts of the demo city', async () => {
    const { table } = await membershipsBothWays();
    expect(table.length).toBeGreaterThan(await t.db.prisma.task.count());
    await expectTableMatchesFacts();
  });

  it('follow a change of lead unit and cooperating units, and the staff’s scope follows them', async () => {
    const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const other = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市发展改革委' } });
    const task = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: { notIn: [kejiju.id, other.id] }, cooperatingUnits: { none: {} }, comments: { none: {} } },
    });
    expect(await visibleToStaff(task.id)).toBe(false);

    const patch = async (version: number, payload: object) => {
      const response = await t.app.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, headers: { cookie: admin }, payload: { version, ...payload } });
      expect(response.statusCode).toBe(200);
      return (response.json() as { version: number }).version;
    };
    let version = await patch(task.version, { cooperatingUnitIds: [kejiju.id, other.id] });
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(true);

    version = await patch(version, { cooperatingUnitIds: [other.id] });
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(false);

    version = await patch(version, { leadUnitId: kejiju.id });
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(true);

    await patch(version, { leadUnitId: other.id });
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(false);
  });

  it('follow a pilot’s applying county and a unit mentioned in a comment, also when they go away', async () => {
    const pilot = await t.db.prisma.pilotDetail.findFirstOrThrow({ where: { applyingCountyId: { not: null } } });
    const elsewhere = await t.db.prisma.unit.findFirstOrThrow({ where: { kind: 'county', id: { not: pilot.applyingCountyId! } } });
    await t.db.prisma.pilotDetail.update({ where: { taskId: pilot.taskId }, data: { applyingCountyId: elsewhere.id } });
    await expectTableMatchesFacts();
    await t.db.prisma.pilotDetail.update({ where: { taskId: pilot.taskId }, data: { applyingCountyId: null } });
    await expectTableMatchesFacts();

    const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const task = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: { not: kejiju.id }, cooperatingUnits: { none: { unitId: kejiju.id } }, comments: { none: {} } },
    });
    const post = (body: string) =>
      t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/comments`, headers: { cookie: admin }, payload: { body, mentionUnitIds: [kejiju.id] } });
    const first = (await post('请市科技局补充材料')).json() as { id: number };
    const second = (await post('请市科技局再次确认')).json() as { id: number };
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(true);

    await t.db.prisma.taskComment.delete({ where: { id: first.id } });
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(true);
    await t.db.prisma.taskComment.delete({ where: { id: second.id } });
    await expectTableMatchesFacts();
    expect(await visibleToStaff(task.id)).toBe(false);
  });

  it('go with a deleted task', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { cooperatingUnits: { some: {} } }, orderBy: { id: 'desc' } });
    await t.db.prisma.task.delete({ where: { id: task.id } });
    expect(await t.db.prisma.taskUnit.count({ where: { taskId: task.id } })).toBe(0);
    await expectTableMatchesFacts();
  });
});
