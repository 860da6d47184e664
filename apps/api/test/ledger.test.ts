import {
  LightEnum,
  ZTaskCreateBody,
  ledgerExportHeaders,
  type TLedgerCheckResult,
  type TLedgerImportResult,
  type TTaskCreateInput,
  type TTaskDetail,
  type TTaskListResponse,
} from '@reform/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/access/session-user.ts';
import type { UseCaseContext } from '../src/modules/context.ts';
import { insertLedgerTasks } from '../src/modules/ledger/insert-ledger-tasks.ts';
import { insertTask } from '../src/modules/tasks/task-creation.ts';
import { getTask } from '../src/modules/tasks/get-task.ts';
import { day, ledgerXlsx, multipartBody, type FixtureCell } from './fixtures/ledgers.ts';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff']) cookies[username] = await t.login(username);
});
afterAll(() => t.close());

type ErrorBody = { message: string; fields?: { path: string; message: string }[] };

async function importLedger<T = TLedgerCheckResult>(
  app: TestApp,
  cookie: string,
  file: Buffer,
  options: { dryRun?: boolean; mapping?: Record<string, string | null>; list?: string; filename?: string; contentType?: string; path?: string } = {},
) {
  const fields: Parameters<typeof multipartBody>[0] = {
    file: { filename: options.filename ?? 'ledger.xlsx', content: file, ...(options.contentType ? { contentType: options.contentType } : {}) },
  };
  if (options.mapping) fields.mapping = JSON.stringify(options.mapping);
  if (options.list) fields.list = options.list;
  const { payload, headers } = multipartBody(fields);
  const response = await app.app.inject({
    method: 'POST',
    url: `${options.path ?? '/api/tasks/import'}?dryRun=${options.dryRun ?? false}`,
    headers: { ...headers, cookie },
    payload,
  });
  return { status: response.statusCode, body: response.json() as T & ErrorBody, raw: response.body };
}

async function exportLedger(app: TestApp, cookie: string, query = '', path = '/api/tasks/export.xlsx') {
  const response = await app.app.inject({ method: 'GET', url: `${path}${query}`, headers: { cookie } });
  const workbook = new ExcelJS.Workbook();
  if (response.statusCode === 200) await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return { response, sheet: workbook.worksheets[0]!, raw: response.rawPayload };
}

const taskCount = () => t.db.prisma.task.count();

const HEADERS = ['序号', '改革任务', '清单类别', '领域', '牵头单位', '配合单位', '领衔领导', '完成时限（如2026年12月31日）', '目标任务'];

/** A ledger in the office's usual layout, a title row above the header, a footer below. */
function goodRows(prefix: string): FixtureCell[][] {
  return [
    [1, `${prefix}要素市场化配置综合改革`, '重大改革任务', '经济体制', '市发展改革委', '市财政局、市统计局', '陈志强（市委常委、常务副市长）', day('2027-06-30'), '要素配置效率明显提升'],
    [2, `${prefix}科技成果转化“揭榜挂帅”试点`, '改革试点', '科技创新', '市科技局', '市经信局', '吴振宇（副市长）', '2027年6月底', '形成可复制经验'],
    [null, null, null, null, null, null, null, null, null],
    [3, `${prefix}“网格连心 组团服务”迭代`, '地方创新项目', null, '嘉善县', null, null, '2026年12月15日', null],
  ];
}

describe('POST /api/tasks/import', () => {
  it('recognises the usual headers below a title row, without any mapping', async () => {
    const file = await ledgerXlsx({
      title: '2026年度全面深化改革任务台账',
      headers: HEADERS,
      rows: [...goodRows('识别'), ['合计：3项', null, null, null, null, null, null, null, null]],
    });
    const before = await taskCount();
    const { status, body } = await importLedger(t, cookies.admin!, file, { dryRun: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 3, valid: 3, errors: [], warnings: [] });
    expect(body.columns.map((c) => c.field)).toEqual([
      'seq',
      'title',
      'list',
      'field',
      'leadUnit',
      'cooperatingUnits',
      'leadLeader',
      'deadline',
      'objective',
    ]);
    expect(body.columns[7]).toEqual({ index: 7, header: '完成时限（如2026年12月31日）', field: 'deadline' });
    expect(await taskCount()).toBe(before); // a dry run writes nothing
  });

  describe('a ledger with problems', () => {
    let file: Buffer;
    let existing: { code: string; title: string };

    beforeAll(async () => {
      existing = (await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate' }, orderBy: { code: 'asc' } }))!;
      file = await ledgerXlsx({
        title: '问题台账',
        headers: HEADERS,
        rows: [
          [1, '科技金融改革创新', '重大改革任务', '科技创新', '科技局', null, null, '2027-03-31', null], // row 4
          [2, '数据要素流通改革', '重大改革任务', '数字化改革', '市大数据局', null, null, '明年春天', null], // row 5
          [3, '半年目标改革任务', '重大改革任务', '经济体制', '市财政局', null, null, '2027年6月底', null], // row 6: fine
          [4, '上年度遗留改革任务', '重大改革任务', '经济体制', '市财政局', null, null, '2025年6月底', null], // row 7
          [5, null, '重大改革任务', '经济体制', '市财政局', null, null, '2027-06-30', null], // row 8
          [6, `  ${existing.title} `, '重大改革任务', '经济体制', '市财政局', null, null, '2027-06-30', null], // row 9
          [7, '同名重复的改革任务', '改革试点', '城乡融合', '嘉善县', null, null, '2027-12-31', null], // row 10
          [8, '同名重复的改革任务', '改革试点', '城乡融合', '嘉善县', null, null, '2027-12-31', null], // row 11
        ],
      });
    });

    it('dry run lists every problem with its Excel row, column header and a Chinese message', async () => {
      const { status, body } = await importLedger(t, cookies.admin!, file, { dryRun: true });
      expect(status).toBe(200);
      expect(body.total).toBe(8);
      expect(body.valid).toBe(3); // rows 6, 7 and 10
      expect(body.errors).toEqual([
        { row: 4, column: '牵头单位', message: '找不到单位“科技局”，是否为“市科技局”？' },
        { row: 5, column: '完成时限（如2026年12月31日）', message: '无法识别的日期“明年春天”' },
        { row: 8, column: '改革任务', message: '未填写改革任务' },
        { row: 9, column: '改革任务', message: `与已有任务 ${existing.code} 重复` },
        { row: 11, column: '改革任务', message: '与第 10 行重复' },
      ]);
      // 2025年6月底 is read (as 2025-06-30): that day has passed, which a running ledger always has.
      expect(body.warnings).toEqual([
        { row: 7, column: '完成时限（如2026年12月31日）', message: '完成时限已过（2025-06-30）：导入后该任务显示为红灯' },
      ]);
    });

    it('without dryRun answers 422 with the same problems and writes nothing', async () => {
      const before = await taskCount();
      const { status, body } = await importLedger(t, cookies.admin!, file);
      expect(status).toBe(422);
      expect(body.errors).toHaveLength(5);
      expect(body.valid).toBe(3);
      expect(await taskCount()).toBe(before);
    });
  });

  it('imports a ledger without problems in one go, allocating codes and building each timetable', async () => {
    const file = await ledgerXlsx({ title: '修正后的台账', headers: HEADERS, rows: goodRows('导入') });
    const before = await taskCount();
    const { status, body } = await importLedger<TLedgerImportResult>(t, cookies.admin!, file);
    expect(status).toBe(200);
    expect(body.imported).toBe(3);
    expect(body.codes).toHaveLength(3);
    expect(body.codes[0]).toMatch(/^ZD-2027-\d{3}$/);
    expect(body.codes[1]).toMatch(/^SD-2027-\d{3}$/);
    expect(body.codes[2]).toMatch(/^CX-2026-\d{3}$/);
    expect(await taskCount()).toBe(before + 3);

    const tasks = await t.db.prisma.task.findMany({
      where: { code: { in: body.codes } },
      include: { leadUnit: true, cooperatingUnits: { include: { unit: true } }, milestones: { orderBy: { dueDate: 'asc' } }, pilot: true },
      orderBy: { id: 'asc' },
    });
    const [mandate, pilot, innovation] = tasks;
    expect(mandate).toMatchObject({ list: 'mandate', title: '导入要素市场化配置综合改革', field: '经济体制', leadLeader: '陈志强（市委常委、常务副市长）' });
    expect(mandate!.leadUnit.name).toBe('市发展改革委');
    expect(mandate!.cooperatingUnits.map((c) => c.unit.name).sort()).toEqual(['市统计局', '市财政局'].sort());
    expect(mandate!.startDate.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(mandate!.deadline.toISOString().slice(0, 10)).toBe('2027-06-30');
    expect(mandate!.milestones.map((m) => m.name)).toEqual(['出台实施方案', '完成主要改革举措', '总结评估验收']);
    expect(pilot!.pilot).toMatchObject({ batch: '台账导入', approvingLevel: 'provincial' });
    expect(pilot!.pilot!.termEnd.toISOString().slice(0, 10)).toBe('2027-06-30');
    expect(innovation).toMatchObject({ field: '综合', originatingUnitId: innovation!.leadUnitId });

    // The same ledger again: every row is now a duplicate of what was imported.
    const again = await importLedger(t, cookies.admin!, file, { dryRun: true });
    expect(again.body.errors.map((e) => e.message)).toEqual(body.codes.map((code) => `与已有任务 ${code} 重复`));
  });

  it('puts a single milestone on the deadline when the span is too short for the template', async () => {
    const file = await ledgerXlsx({
      headers: ['改革任务', '牵头单位', '完成时限'],
      rows: [['短工期的改革任务', '市财政局', '2026-11-23']],
    });
    const { status, body } = await importLedger<TLedgerImportResult>(t, cookies.admin!, file, { list: 'mandate' });
    expect(status).toBe(200);
    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { code: body.codes[0]! }, include: { milestones: true } });
    expect(task.milestones.map((m) => [m.name, m.dueDate.toISOString().slice(0, 10)])).toEqual([['完成任务', '2026-11-23']]);
  });

  it('remembers a column mapping for the next ledger of the same layout', async () => {
    const headers = ['序号', '事项名称', '责任单位', '完成时限', '备注'];
    const first = await ledgerXlsx({ headers, rows: [[1, '映射导入的第一项改革', '市商务局', '2027-09-30', null]] });

    const unmapped = await importLedger(t, cookies.admin!, first, { dryRun: true, list: 'mandate' });
    expect(unmapped.body.columns[1]).toEqual({ index: 1, header: '事项名称', field: null });
    expect(unmapped.body.errors).toEqual([
      { row: 1, column: '', message: '表头中没有“改革任务”列：请在列对应关系中指定哪一列是“改革任务”' },
    ]);

    const mapped = await importLedger<TLedgerImportResult>(t, cookies.admin!, first, { list: 'mandate', mapping: { '1': 'title', '4': null } });
    expect(mapped.status).toBe(200);
    expect(mapped.body.imported).toBe(1);
    expect(await t.db.prisma.ledgerLayout.count()).toBe(1);

    const second = await ledgerXlsx({ headers, rows: [[1, '映射导入的第二项改革', '市商务局', '2027-10-31', '无']] });
    const next = await importLedger(t, cookies.admin!, second, { dryRun: true, list: 'mandate' });
    expect(next.body).toMatchObject({ total: 1, valid: 1, errors: [] });
    expect(next.body.columns.map((c) => c.field)).toEqual(['seq', 'title', 'leadUnit', 'deadline', null]);
  });

  it('refuses a file that is not an .xlsx with 415 and a Chinese message', async () => {
    const text = await importLedger(t, cookies.admin!, Buffer.from('序号,改革任务\n1,测试'), { filename: 'ledger.csv', contentType: 'text/csv' });
    expect(text.status).toBe(415);
    expect(text.body.message).toContain('不是有效的 Excel 文件');
    const brokenZip = await importLedger(t, cookies.admin!, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect(brokenZip.status).toBe(415);
    const oldXls = await importLedger(t, cookies.admin!, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(200)]));
    expect(oldXls.status).toBe(415);
    expect(oldXls.body.message).toContain('.xls');
    const json = await t.app.inject({ method: 'POST', url: '/api/ledger/import', headers: { cookie: cookies.admin! }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });

  it('is refused to unit staff, and keeps a county office within its county', async () => {
    const file = await ledgerXlsx({ headers: HEADERS, rows: goodRows('权限') });
    expect((await importLedger(t, cookies.staff!, file, { dryRun: true })).status).toBe(403);
    const county = await importLedger(t, cookies.county!, file, { dryRun: true });
    expect(county.status).toBe(200);
    expect(county.body.errors).toContainEqual({ row: 2, column: '牵头单位', message: '牵头单位“市发展改革委”不在本辖区范围内' });
    expect(county.body.errors.some((e) => e.row === 5)).toBe(false); // 嘉善县 is the county's own
  });
});

describe('a ledger as offices keep it', () => {
  it('imports a task whose deadline has passed with a warning, and it shows red with its reason', async () => {
    const file = await ledgerXlsx({ headers: ['改革任务', '牵头单位', '完成时限'], rows: [['上年度延续的逾期改革任务', '市财政局', '2025年6月底']] });
    const dry = await importLedger(t, cookies.admin!, file, { dryRun: true, list: 'mandate' });
    expect(dry.body).toMatchObject({ total: 1, valid: 1, errors: [] });
    expect(dry.body.warnings).toEqual([{ row: 2, column: '完成时限', message: '完成时限已过（2025-06-30）：导入后该任务显示为红灯' }]);

    const { status, body } = await importLedger<TLedgerImportResult>(t, cookies.admin!, file, { list: 'mandate' });
    expect(status).toBe(200);
    const task = await t.db.prisma.task.findUniqueOrThrow({ where: { code: body.codes[0]! }, include: { milestones: true } });
    expect(task.startDate.toISOString().slice(0, 10)).toBe('2025-06-30');
    expect(task.milestones.map((m) => [m.name, m.dueDate.toISOString().slice(0, 10)])).toEqual([['完成任务', '2025-06-30']]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: { cookie: cookies.admin! } });
    expect(detail.json()).toMatchObject({ light: 'red', lightReason: expect.stringContaining('任务已超过完成时限') });
  });

  it('tells a county office of a duplicate outside its scope without naming that task', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/tasks?list=mandate&pageSize=200', headers: { cookie: cookies.county! } });
    const visible = (list.json() as TTaskListResponse).items.map((item) => item.id);
    const hidden = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate', id: { notIn: visible } }, orderBy: { code: 'asc' } });
    const seen = await t.db.prisma.task.findUniqueOrThrow({ where: { id: visible[0]! } });
    const file = await ledgerXlsx({
      headers: ['改革任务', '清单类别', '牵头单位', '完成时限'],
      rows: [
        [hidden.title, '重大改革任务', '嘉善县', '2027-06-30'],
        [seen.title, '重大改革任务', '嘉善县', '2027-06-30'],
      ],
    });
    const { status, body, raw } = await importLedger(t, cookies.county!, file, { dryRun: true });
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { row: 2, column: '改革任务', message: '与一项已有任务重复（不在您的查看范围内）' },
      { row: 3, column: '改革任务', message: `与已有任务 ${seen.code} 重复` },
    ]);
    expect(raw).not.toContain(hidden.code);
  });
});

describe('parallel imports', () => {
  it('of the same ledger create its tasks once: 20 at once give one import and 19 refusals naming the new codes', async () => {
    const file = await ledgerXlsx({ headers: HEADERS, rows: goodRows('并发') });
    const before = await taskCount();
    const results = await Promise.all(Array.from({ length: 20 }, () => importLedger<TLedgerImportResult>(t, cookies.admin!, file)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(422)]);
    expect(await taskCount()).toBe(before + 3);
    const codes = results.find((r) => r.status === 200)!.body.codes;
    for (const refused of results.filter((r) => r.status === 422)) {
      expect((refused.body as unknown as TLedgerCheckResult).errors.map((e) => e.message)).toEqual(codes.map((code) => `与已有任务 ${code} 重复`));
    }
  });
});

describe('the named paths and the old ones', () => {
  it('GET /api/tasks/export.xlsx is the export (not a task id), and /api/ledger/export.xlsx gives the same file', async () => {
    const named = await exportLedger(t, cookies.admin!, '?list=innovation');
    expect(named.response.statusCode).toBe(200);
    expect(named.response.headers['content-type']).toContain('spreadsheetml');
    const old = await exportLedger(t, cookies.admin!, '?list=innovation', '/api/ledger/export.xlsx');
    expect(old.response.statusCode).toBe(200);
    const codes = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(2).value);
    expect(codes(named.sheet).length).toBeGreaterThan(0);
    expect(codes(old.sheet)).toEqual(codes(named.sheet));
  });

  it('POST /api/ledger/import answers exactly as POST /api/tasks/import', async () => {
    const file = await ledgerXlsx({ headers: HEADERS, rows: goodRows('别名') });
    const named = await importLedger(t, cookies.admin!, file, { dryRun: true });
    const old = await importLedger(t, cookies.admin!, file, { dryRun: true, path: '/api/ledger/import' });
    expect(named.status).toBe(200);
    expect(old).toEqual(named);
    expect(named.body).toMatchObject({ total: 3, valid: 3, errors: [], warnings: [] });
  });
});

describe('writing an imported ledger', () => {
  it('is all or nothing: a database failure mid-way leaves no task, no code used and no saved mapping', async () => {
    const headers = ['改革任务', '清单', '主办单位', '完成时限'];
    const file = await ledgerXlsx({
      headers,
      rows: [
        ['回滚测试的第一项改革', '重大改革任务', '市财政局', '2027-05-31'],
        ['回滚测试的第二项改革', '重大改革任务', '市财政局', '2027-05-31'],
        ['回滚测试的试点', '改革试点', '嘉善县', '2027-05-31'],
      ],
    });
    // The pilot's details are written after its task, its units and its milestones: fail there.
    await t.db.prisma.$executeRawUnsafe(`CREATE FUNCTION ledger_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ledger test: refused'; END $$`);
    await t.db.prisma.$executeRawUnsafe(
      'CREATE TRIGGER ledger_test_fail BEFORE INSERT ON pilot_detail FOR EACH ROW EXECUTE FUNCTION ledger_test_fail()',
    );
    const before = { tasks: await taskCount(), milestones: await t.db.prisma.milestone.count(), layouts: await t.db.prisma.ledgerLayout.count() };
    const failed = await importLedger(t, cookies.admin!, file, { mapping: { '2': 'leadUnit' } });
    await t.db.prisma.$executeRawUnsafe('DROP TRIGGER ledger_test_fail ON pilot_detail');
    await t.db.prisma.$executeRawUnsafe('DROP FUNCTION ledger_test_fail()');
    expect(failed.status).toBe(500);
    expect(await taskCount()).toBe(before.tasks);
    expect(await t.db.prisma.milestone.count()).toBe(before.milestones);
    expect(await t.db.prisma.ledgerLayout.count()).toBe(before.layouts);

    // The codes the failed import had allocated are handed out again.
    const highest = async () =>
      Math.max(0, ...(await t.db.prisma.task.findMany({ where: { list: 'mandate', year: 2027 }, select: { code: true } })).map((r) => Number(r.code.split('-')[2])));
    const expected = `ZD-2027-${String((await highest()) + 1).padStart(3, '0')}`;
    const retried = await importLedger<TLedgerImportResult>(t, cookies.admin!, file, { mapping: { '2': 'leadUnit' } });
    expect(retried.status).toBe(200);
    expect(retried.body.codes[0]).toBe(expected);
    expect(await taskCount()).toBe(before.tasks + 3);
  });

  it('writes a task exactly as creating it one by one does', async () => {
    const admin = await t.db.prisma.user.findFirstOrThrow({ where: { username: 'admin' }, include: { unit: true } });
    const user: SessionUser = {
      id: admin.id,
      username: admin.username,
      displayName: admin.displayName,
      role: admin.role,
      unit: { id: admin.unit.id, name: admin.unit.name, kind: admin.unit.kind, path: admin.unit.path },
      scopePath: admin.unit.path,
      scopeUnitIds: [admin.unit.id],
    };
    const ctx: UseCaseContext = { db: t.db, user, today: TEST_TODAY, requestId: 'ledger-test' };
    const unit = async (name: string) => (await t.db.prisma.unit.findFirstOrThrow({ where: { name } })).id;
    const body = ZTaskCreateBody.parse({
      list: 'pilot',
      title: '逐条与批量写入对照的试点',
      field: '城乡融合',
      level: 'provincial',
      priority: 'key',
      year: 2026,
      batch: '第三批',
      tags: ['改革名片', '标志性成果'],
      objective: '目标',
      acceptanceCriteria: '验收',
      startDate: '2026-12-01',
      deadline: '2028-11-30',
      leadLeader: '蒋海峰（副市长）',
      leadUnitId: await unit('嘉善县'),
      cooperatingUnitIds: [await unit('市农业农村局'), await unit('市财政局')],
      contactName: '联系人',
      contactPhone: '0573-1234567',
      measures: ['举措一', '举措二'],
      outcomes: [{ kind: 'institutional_document', description: '出台制度文件', targetCount: 2 }],
      sourceDocuments: [{ title: '试点方案', docNumber: '嘉委改发〔2026〕1号', issuer: '市委改革办', issuedOn: '2026-10-01' }],
      pilot: { batch: '第三批', approvingLevel: 'provincial', applyingCountyId: await unit('嘉善县'), guidingUnit: '省委改革办', termStart: '2026-12-01', termEnd: '2028-11-30' },
      milestones: [
        { name: '总结评估验收', phase: '总结评估', dueDate: '2028-11-30' },
        { name: '出台实施方案', phase: '方案制定', dueDate: '2027-03-31' },
      ],
    });
    const one = await t.db.prisma.$transaction((tx) => insertTask(tx, ctx, body, 'CMP-ONE'));
    await t.db.prisma.$transaction((tx) => insertLedgerTasks(tx, ctx, [{ body, code: 'CMP-BATCH' }]));
    const batch = (await t.db.prisma.task.findUniqueOrThrow({ where: { code: 'CMP-BATCH' } })).id;

    const comparable = (detail: TTaskDetail) => ({
      ...detail,
      id: 0,
      code: '',
      updatedAt: '',
      measures: detail.measures.map(({ id: _, ...rest }) => rest),
      outcomes: detail.outcomes.map(({ id: _, ...rest }) => rest),
      sourceDocuments: detail.sourceDocuments.map(({ id: _, ...rest }) => rest),
      milestones: detail.milestones.map(({ id: _, ...rest }) => rest),
    });
    expect(comparable(await getTask(ctx, batch))).toEqual(comparable(await getTask(ctx, one)));
    const audits = await t.db.prisma.auditLog.findMany({ where: { entity: 'task', entityId: { in: [String(one), String(batch)] } } });
    expect(audits.map((a) => a.action)).toEqual(['create', 'create']);
  });
});

const LIGHT_FILLS = { red: 'FFFF4D4F', yellow: 'FFFADB14', green: 'FF52C41A', grey: 'FFBFBFBF' } as const;

describe('GET /api/tasks/export.xlsx', () => {
  it('exports exactly the tasks of the filter, with date cells, filled lights and a usable header', async () => {
    const { response, sheet } = await exportLedger(t, cookies.admin!, '?list=pilot');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('任务清单');

    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...ledgerExportHeaders]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(4).width).toBeGreaterThan(20);

    const pilots = await t.db.prisma.task.findMany({ where: { list: 'pilot' }, select: { code: true, light: true, deadline: true }, orderBy: { code: 'asc' } });
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((row) => row.getCell(2).value)).toEqual(pilots.map((p) => p.code));
    expect(rows.every((row) => row.getCell(3).value === '改革试点')).toBe(true);
    for (const [i, row] of rows.entries()) {
      const deadline = row.getCell(9);
      expect(deadline.value).toBeInstanceOf(Date);
      expect((deadline.value as Date).toISOString().slice(0, 10)).toBe(pilots[i]!.deadline.toISOString().slice(0, 10));
      expect(deadline.numFmt).toBe('yyyy-mm-dd');
      const light = row.getCell(12);
      expect(light.value).toBe(LightEnum.labels[pilots[i]!.light]);
      expect(light.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[pilots[i]!.light] } });
    }
    const fills = new Set(rows.map((row) => (row.getCell(12).fill as ExcelJS.FillPattern).fgColor?.argb));
    expect(fills.size).toBeGreaterThan(1);

    const list = await t.app.inject({ method: 'GET', url: '/api/tasks?list=pilot&pageSize=1', headers: { cookie: cookies.admin! } });
    expect((list.json() as TTaskListResponse).total).toBe(rows.length);
  });

  it('keeps to the user’s scope, like the task list', async () => {
    const { response, sheet } = await exportLedger(t, cookies.staff!, '?status=active');
    expect(response.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/tasks?status=active&pageSize=200', headers: { cookie: cookies.staff! } });
    const items = (list.json() as TTaskListResponse).items;
    expect(sheet.rowCount - 1).toBe(items.length);
    const codes = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(2).value);
    expect(codes).toEqual(items.map((item) => item.code));
  });
});

describe('export → import round trip', () => {
  let other: TestApp;
  beforeAll(async () => {
    other = await buildTestApp();
  });
  afterAll(() => other.close());

  it('gives back the same tasks in a database that holds the same units but not those tasks', async () => {
    const units = Object.fromEntries((await t.db.prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]));
    const base = (title: string, list: TTaskCreateInput['list'], lead: string): TTaskCreateInput => ({
      list,
      title,
      field: '营商环境',
      level: 'city',
      priority: 'key',
      year: 2026,
      startDate: '2026-11-20',
      deadline: '2027-08-31',
      leadUnitId: units[lead]!,
      milestones: [{ name: '总结评估验收', dueDate: '2027-08-31' }],
    });
    const created: TTaskDetail[] = [];
    for (const body of [
      {
        ...base('往返：涉企服务“无事不扰”改革（第一批）', 'mandate', '市市场监管局'),
        cooperatingUnitIds: [units['市税务局']!, units['市工商联']!],
        leadLeader: '周明辉（副市长）',
        objective: '经营主体满意度持续提升；\n涉企检查次数下降三成。',
      },
      {
        ...base('往返：跨域一网通办试点', 'pilot', '嘉善县'),
        field: '区域一体化',
        deadline: '2028-06-30',
        milestones: [{ name: '完成任务', dueDate: '2028-06-30' }],
        pilot: { batch: '第二批', approvingLevel: 'national', termStart: '2026-11-20', termEnd: '2028-06-30' },
      },
      { ...base('往返：15分钟公共服务圈', 'innovation', '平湖市'), cooperatingUnitIds: [units['市民政局']!], field: '社会治理' },
    ] satisfies TTaskCreateInput[]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/tasks', headers: { cookie: cookies.admin! }, payload: body });
      expect(response.statusCode).toBe(201);
      created.push(response.json() as TTaskDetail);
    }

    const { response, raw } = await exportLedger(t, cookies.admin!, `?q=${encodeURIComponent('往返')}&sort=title`);
    expect(response.statusCode).toBe(200);

    const otherAdmin = await other.login('admin');
    const dry = await importLedger(other, otherAdmin, raw, { dryRun: true });
    expect(dry.body).toMatchObject({ total: 3, valid: 3, errors: [] });
    const imported = await importLedger<TLedgerImportResult>(other, otherAdmin, raw);
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(3);

    const shape = async (app: TestApp, codes?: string[]) => {
      const rows = await app.db.prisma.task.findMany({
        where: codes ? { code: { in: codes } } : { title: { startsWith: '往返' } },
        include: { leadUnit: true, cooperatingUnits: { include: { unit: true } } },
      });
      return rows
        .map((task) => ({
          title: task.title,
          list: task.list,
          leadUnit: task.leadUnit.name,
          cooperatingUnits: task.cooperatingUnits.map((c) => c.unit.name).sort(),
          leadLeader: task.leadLeader,
          deadline: task.deadline.toISOString().slice(0, 10),
          objective: task.objective,
          field: task.field,
          year: task.year,
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    };
    const original = await shape(t);
    expect(original).toHaveLength(3);
    expect(await shape(other, imported.body.codes)).toEqual(original);
  });
});
