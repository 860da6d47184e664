import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, verifyPassword, type Database } from '@reform/db';
import { DEMO_PASSWORD, createAdmin, seedDemo, seedScale, type DemoSummary } from '../src/index.ts';

const TODAY = '2025-11-20';
const DAY = 86_400_000;
const today = Date.parse(`${TODAY}T00:00:00Z`);

async function freshDatabase(): Promise<Database> {
  const db = await openDatabase({});
  await migrate(db);
  return db;
}

// The embedded database is slow on a busy machine: generous per-test limits.
describe('seedDemo', { timeout: 60_000 }, () => {
  let db: Database;
  let summary: DemoSummary;

  beforeAll(async () => {
    db = await freshDatabase();
    summary = await seedDemo(db.prisma, { today: TODAY });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('fills the three lists with over 300 tasks', async () => {
    expect(summary.tasks).toBeGreaterThanOrEqual(300);
    const byList = await db.prisma.task.groupBy({ by: ['list'], _count: true });
    const count = Object.fromEntries(byList.map((r) => [r.list, r._count]));
    expect(count.mandate).toBeGreaterThanOrEqual(140);
    expect(count.pilot).toBeGreaterThanOrEqual(80);
    expect(count.innovation).toBeGreaterThanOrEqual(80);
    const titles = await db.prisma.task.findMany({ select: { title: true, code: true } });
    expect(new Set(titles.map((t) => t.title)).size).toBe(titles.length);
    for (const t of titles) expect(t.code).toMatch(/^(ZD|SD|CX)-\d{4}-\d{3,}$/);
    expect(await db.prisma.task.count({ where: { priority: 'breakthrough' } })).toBe(12);
  });

  it('gives every task a full task book and timetable', async () => {
    const tasks = await db.prisma.task.findMany({
      select: {
        list: true,
        objective: true,
        acceptanceCriteria: true,
        issuingLevel: true,
        originatingUnitId: true,
        specialGroupId: true,
        leadLeader: true,
        contactPhone: true,
        _count: { select: { measures: true, milestones: true, outcomes: true, sourceDocuments: true } },
        pilot: { select: { batch: true } },
      },
    });
    for (const t of tasks) {
      expect(t._count.measures).toBeGreaterThanOrEqual(3);
      expect(t._count.measures).toBeLessThanOrEqual(5);
      expect(t._count.milestones).toBeGreaterThanOrEqual(3);
      expect(t._count.milestones).toBeLessThanOrEqual(5);
      expect(t._count.outcomes).toBeGreaterThanOrEqual(1);
      expect(t._count.sourceDocuments).toBeGreaterThanOrEqual(1);
      expect(t.objective).not.toBe('');
      expect(t.acceptanceCriteria).not.toBe('');
      expect(t.specialGroupId).not.toBeNull();
      expect(t.leadLeader).not.toBe('');
      expect(t.contactPhone).toMatch(/^0573-8\d{7}$/);
      if (t.list === 'mandate') expect(t.issuingLevel).not.toBeNull();
      if (t.list === 'innovation') expect(t.originatingUnitId).not.toBeNull();
      if (t.list === 'pilot') expect(t.pilot).not.toBeNull();
    }
  });

  it('builds the unit tree with materialised paths', async () => {
    const units = await db.prisma.unit.findMany();
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const parent = u.parentId === null ? null : byId.get(u.parentId)!;
      expect(u.path).toBe(parent ? `${parent.path}${u.id}/` : `/${u.id}/`);
    }
    const departments = units.filter((u) => u.kind === 'department');
    expect(departments.length).toBeGreaterThanOrEqual(30);
    expect(departments.length).toBeLessThanOrEqual(45);
    const jiashan = units.find((u) => u.name === '嘉善县')!;
    expect(units.filter((u) => u.parentId === jiashan.id && u.kind === 'town').length).toBeGreaterThanOrEqual(4);
    expect(units.some((u) => u.parentId === jiashan.id && u.name === '嘉善县委改革办' && u.kind === 'reform_office')).toBe(true);
  });

  it('creates the demo users with the demo password', async () => {
    const users = await db.prisma.user.findMany({ include: { unit: true } });
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(byName.get('admin')?.role).toBe('admin');
    expect(byName.get('admin')?.unit.name).toBe('市委改革办');
    expect(byName.get('county')?.unit.name).toBe('嘉善县委改革办');
    expect(byName.get('staff')?.unit.name).toBe('市科技局');
    expect(byName.get('leader')?.role).toBe('leader');
    expect(byName.get('staff2')?.unit.name).toBe('市发展改革委');
    expect(byName.get('group')?.role).toBe('group_office');
    expect(byName.get('group')?.unit).toMatchObject({ name: '科技创新体制改革专项小组', kind: 'special_group' });
    expect(await verifyPassword(DEMO_PASSWORD, byName.get('admin')!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', byName.get('staff')!.passwordHash)).toBe(false);
  });

  it('mixes red, yellow and green tasks by their milestones', async () => {
    const active = await db.prisma.task.findMany({ where: { status: 'active' }, select: { milestones: { select: { dueDate: true, doneDate: true } } } });
    let red = 0;
    let yellow = 0;
    for (const t of active) {
      const open = t.milestones.filter((m) => m.doneDate === null);
      if (open.some((m) => m.dueDate.getTime() < today)) red++;
      else if (open.some((m) => m.dueDate.getTime() <= today + 14 * DAY)) yellow++;
    }
    expect(red / active.length).toBeGreaterThanOrEqual(0.12);
    expect(red / active.length).toBeLessThanOrEqual(0.18);
    expect(yellow / active.length).toBeGreaterThanOrEqual(0.15);
    expect(yellow / active.length).toBeLessThanOrEqual(0.2);
    expect(active.length / summary.tasks).toBeGreaterThan(0.8);
    const completed = await db.prisma.task.findMany({ where: { status: 'completed' }, select: { milestones: { select: { doneDate: true } } } });
    expect(completed.length).toBeGreaterThan(0);
    for (const t of completed) for (const m of t.milestones) expect(m.doneDate).not.toBeNull();
    expect(await db.prisma.task.count({ where: { deadline: { lt: new Date(today) }, status: 'active' } })).toBeGreaterThan(0);
    expect(await db.prisma.task.count({ where: { light: { not: 'grey' } } })).toBe(0);
  });

  it('keeps most milestones on their baseline, a few moved later', async () => {
    const milestones = await db.prisma.milestone.findMany({ where: { task: { status: { not: 'draft' } } }, select: { dueDate: true, baselineDueDate: true } });
    const moved = milestones.filter((m) => m.baselineDueDate && m.dueDate.getTime() > m.baselineDueDate.getTime());
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length / milestones.length).toBeLessThan(0.1);
    expect(milestones.every((m) => m.baselineDueDate !== null)).toBe(true);
  });

  it('freezes the deadline of every approved timetable as its baseline', async () => {
    const tasks = await db.prisma.task.findMany({ select: { status: true, deadline: true, baselineApprovedAt: true, baselineDeadline: true } });
    for (const task of tasks) {
      if (task.baselineApprovedAt) expect(task.baselineDeadline).toEqual(task.deadline);
      else expect(task.baselineDeadline).toBeNull();
    }
    expect(tasks.filter((task) => task.status !== 'draft').every((task) => task.baselineDeadline !== null)).toBe(true);
  });

  it('has at least six quarters of reports and a mixed latest quarter', async () => {
    const quarters = await db.prisma.progressReport.groupBy({ by: ['year', 'quarter'], _count: true });
    expect(quarters.length).toBeGreaterThanOrEqual(6);
    const perTask = await db.prisma.progressReport.groupBy({ by: ['taskId'], _count: true });
    const withSix = perTask.filter((r) => r._count >= 6).length;
    expect(withSix / summary.tasks).toBeGreaterThan(0.5);
    const latest = await db.prisma.progressReport.groupBy({ by: ['status'], where: { year: 2025, quarter: 3 }, _count: true });
    const statuses = new Set(latest.map((r) => r.status));
    expect(statuses).toContain('accepted');
    expect(statuses).toContain('submitted');
    expect(statuses).toContain('returned');
    const late = await db.prisma.progressReport.count({ where: { submittedAt: { gt: new Date('2025-10-10T16:00:00Z') }, year: 2025, quarter: 3 } });
    expect(late).toBeGreaterThan(0);
    expect(await db.prisma.progressReport.count({ where: { status: 'returned', reviewComment: '' } })).toBe(0);
  });

  it('gives 市科技局 tasks to lead and tasks to cooperate on', async () => {
    const keji = await db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    expect(await db.prisma.task.count({ where: { leadUnitId: keji.id } })).toBeGreaterThanOrEqual(10);
    expect(await db.prisma.taskCooperatingUnit.count({ where: { unitId: keji.id, task: { leadUnitId: { not: keji.id } } } })).toBeGreaterThan(0);
    const jiashan = await db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } });
    expect(await db.prisma.task.count({ where: { leadUnit: { path: { startsWith: jiashan.path } } } })).toBeGreaterThanOrEqual(15);
  });

  it('records supervision, assessment, cases and settings', async () => {
    expect(summary.inspections).toBeGreaterThan(0);
    expect(await db.prisma.rectificationItem.count({ where: { status: 'open' } })).toBeGreaterThan(0);
    expect(await db.prisma.rectificationItem.count({ where: { status: 'closed' } })).toBeGreaterThan(0);
    expect(summary.assessments).toBeGreaterThanOrEqual(25);
    expect(summary.typicalCases).toBeGreaterThanOrEqual(10);
    const lights = await db.prisma.setting.findUniqueOrThrow({ where: { key: 'lights' } });
    expect(lights.value).toEqual({ yellowWithinDays: 14 });
  });

  it('refuses to seed twice', async () => {
    await expect(seedDemo(db.prisma, { today: TODAY })).rejects.toThrow(/already has units/);
  });

  it('is deterministic for the same today', async () => {
    const other = await freshDatabase();
    try {
      await seedDemo(other.prisma, { today: TODAY });
      const a = await db.prisma.task.findMany({ orderBy: { code: 'asc' }, select: { code: true, title: true, deadline: true, progress: true } });
      const b = await other.prisma.task.findMany({ orderBy: { code: 'asc' }, select: { code: true, title: true, deadline: true, progress: true } });
      expect(b).toEqual(a);
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('createAdmin', { timeout: 60_000 }, () => {
  it('creates the root units on an empty database and refuses a duplicate username', async () => {
    const db = await freshDatabase();
    try {
      await createAdmin(db.prisma, { username: 'boss', password: 'S3cret-pass', displayName: '管理员' });
      const units = await db.prisma.unit.findMany({ orderBy: { id: 'asc' } });
      expect(units.map((u) => u.kind)).toEqual(['committee', 'reform_office']);
      expect(units[1]!.path).toBe(`/${units[0]!.id}/${units[1]!.id}/`);
      const user = await db.prisma.user.findUniqueOrThrow({ where: { username: 'boss' } });
      expect(user.role).toBe('admin');
      expect(await verifyPassword('S3cret-pass', user.passwordHash)).toBe(true);
      await expect(createAdmin(db.prisma, { username: 'boss', password: 'another-pass', displayName: 'x' })).rejects.toThrow(/已存在.*already exists/);
      await createAdmin(db.prisma, { username: 'second', password: 'another-pass', displayName: '第二管理员' });
      expect(await db.prisma.unit.count()).toBe(2);
    } finally {
      await db.close();
    }
  }, 60_000);
});

describe('seedScale', { timeout: 180_000 }, () => {
  it('fills an empty database with the requested number of tasks', async () => {
    const db = await freshDatabase();
    try {
      const progress: number[] = [];
      const summary = await seedScale(db.prisma, { tasks: 2000, today: TODAY, chunk: 1000, onProgress: (done) => progress.push(done) });
      expect(summary.tasks).toBe(2000);
      expect(await db.prisma.task.count()).toBe(2000);
      expect(await db.prisma.milestone.count()).toBe(8000);
      expect(await db.prisma.unit.count()).toBeGreaterThanOrEqual(150);
      const reports = await db.prisma.progressReport.count();
      expect(reports).toBe(summary.reports);
      expect(reports).toBeGreaterThan(2000 * 6);
      expect(reports).toBeLessThanOrEqual(2000 * 8);
      expect(await db.prisma.pilotDetail.count()).toBe(summary.tasksByList.pilot);
      expect(progress).toEqual([0, 1000, 2000]);
      await expect(seedScale(db.prisma, { tasks: 10, today: TODAY })).rejects.toThrow(/already has units/);
    } finally {
      await db.close();
    }
  }, 120_000);
});
