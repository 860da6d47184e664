import type { PrismaClient, TaskLevel, TaskList, TaskPriority, TaskStatus, PilotStage } from '@reform/db';
import { bulkInsert, hashPassword, type BulkCell } from '@reform/db';
import { dateOfDayNumber, dayNumber, yearOf } from '@reform/domain';
import { chance, int, mulberry32, pick, pickSome, seedOf, shuffle, type Rng } from './prng.ts';
import {
  buildReports,
  buildTimetable,
  latestAcceptedPercent,
  milestoneLight,
  pilotBatch,
  REPORT_DUE_DAY,
  taskCode,
  type Scenario,
  type TaskPlan,
} from './plan.ts';
import { acceptanceOf, measuresOf, objectiveOf, outcomesOf, personName, phoneOf, sourcesOf } from './taskbook.ts';
import { writePlans } from './write.ts';
import { insertUnitTree, unitOf, type UnitMap, type UnitRow } from './units.ts';
import { CITY_OFFICE, COUNTIES, FIELDS, LEADERSHIP, demoUnitTree, type CountySpec, type FieldSpec } from './catalog/units.ts';
import { BRANDS, BREAKTHROUGH, NATIONAL_PILOTS, TITLES } from './catalog/titles.ts';
import {
  BONUS_REASONS,
  DEDUCTION_REASONS,
  INSPECTION_FINDINGS,
  RECTIFICATION_NOTES,
} from './catalog/text.ts';

export const DEMO_PASSWORD = 'Reform@2026';

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'county_office' | 'group_office' | 'unit_staff' | 'leader';
  unit: string;
  phone: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '李明', role: 'admin', unit: CITY_OFFICE, phone: '0573-82012345' },
  { username: 'county', displayName: '张丽华', role: 'county_office', unit: '嘉善县委改革办', phone: '0573-84012345' },
  { username: 'group', displayName: '沈佳怡', role: 'group_office', unit: '科技创新体制改革专项小组', phone: '0573-82065432' },
  { username: 'staff', displayName: '陈晓东', role: 'unit_staff', unit: '市科技局', phone: '0573-82078901' },
  { username: 'staff2', displayName: '周婷', role: 'unit_staff', unit: '市发展改革委', phone: '0573-82056789' },
  { username: 'leader', displayName: '王建国', role: 'leader', unit: LEADERSHIP, phone: '0573-82000001' },
];

export interface DemoSummary {
  today: string;
  units: number;
  users: number;
  tasks: number;
  tasksByList: Record<TaskList, number>;
  tasksByStatus: Record<TaskStatus, number>;
  /** Lights the milestones imply today (the application computes the real ones). */
  lightPreview: Record<'red' | 'yellow' | 'green' | 'grey', number>;
  cooperatingUnits: number;
  measures: number;
  outcomes: number;
  sourceDocuments: number;
  milestones: number;
  pilots: number;
  reports: number;
  inspections: number;
  rectificationItems: number;
  assessments: number;
  assessmentItems: number;
  typicalCases: number;
  settings: number;
}

export const DEFAULT_SETTINGS = {
  lights: { yellowWithinDays: 14 },
  reports: { dueDayAfterQuarter: REPORT_DUE_DAY },
};

/** Titles forced onto a particular lead unit (the pilot or brand belongs there). */
const LEAD_OVERRIDES: Record<string, string> = {
  '嘉善县域高质量发展示范点建设': '嘉善县',
  '嘉善“五新跃祥符”行动': '嘉善县',
  '示范区“跨域一网通办”': '嘉善县',
  '“新仓经验”迭代升级': '新仓镇',
  '乌镇实验室“院地合作”机制': '桐乡市',
  '深化“三治融合”基层治理': '桐乡市',
  '“区域协同万事通”跨域办': '嘉善县',
  '“飞地抱团+”共富模式': '嘉善县',
};
const ORIGIN_OVERRIDES: Record<string, string> = {
  '深化“三治融合”基层治理': '高桥街道',
  '“新仓经验”迭代升级': '新仓镇',
  '全面推行“网格连心 组团服务”': '市委组织部',
};
/** County-led tasks go to counties in these proportions (嘉善 as the demo county office). */
const COUNTY_WEIGHTS: Array<[string, number]> = [
  ['嘉善县', 5],
  ['南湖区', 2],
  ['秀洲区', 2],
  ['平湖市', 2],
  ['海宁市', 2],
  ['桐乡市', 2],
  ['海盐县', 2],
  ['嘉兴经济技术开发区', 1],
  ['嘉兴港区', 1],
];
const TAGS = ['集成改革', '首位战略', '共同富裕', '数字赋能', '民生实事', '一件事', '标志性成果'];

function weighted(rng: Rng, items: Array<[string, number]>): string {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng() * total;
  for (const [name, w] of items) if ((roll -= w) < 0) return name;
  return items[items.length - 1]![0];
}

function countyLeaderTitle(county: CountySpec): string {
  if (county.kind === 'zone') return `${county.name}党工委书记`;
  const suffix = county.name.slice(-1);
  return `${county.name.slice(0, -1)}${suffix}委副书记、${suffix}长`;
}

interface Entry {
  index: number;
  field: FieldSpec;
  list: TaskList;
  title: string;
}

/**
 * Seeds a demonstration database relative to `today` (Asia/Shanghai calendar date). Refuses a
 * database that already has units. Same `today` → same data.
 */
export async function seedDemo(prisma: PrismaClient, options: { today: string }): Promise<DemoSummary> {
  const today = dayNumber(options.today);
  if ((await prisma.unit.count()) > 0) {
    throw new Error('数据库中已有单位数据，拒绝重复导入演示数据。 / The database already has units: refusing to seed demo data.');
  }
  const hashing = hashPassword(DEMO_PASSWORD); // scrypt runs off the main thread meanwhile
  const units = await insertUnitTree(prisma, demoUnitTree());
  const users = await insertDemoUsers(prisma, units, await hashing);
  const admin = users.get('admin')!;
  const submitterByUnit = new Map<number, number>();
  for (const u of DEMO_USERS) if (!submitterByUnit.has(unitOf(units, u.unit).id)) submitterByUnit.set(unitOf(units, u.unit).id, users.get(u.username)!);

  const plans = planDemoTasks(units, today);
  const { ids } = await writePlans(prisma, plans, { submitterByUnit, reviewerId: admin });
  await prisma.$executeRawUnsafe(`
    UPDATE milestone m SET depends_on_id = p.id
    FROM milestone p WHERE p.task_id = m.task_id AND p.seq = m.seq - 1`);

  const rng = mulberry32(seedOf('demo', 'supervision'));
  await seedInspections(prisma, rng, plans, ids, today);
  await seedAssessments(prisma, rng, units, today);
  await seedTypicalCases(prisma, rng, plans, ids, today);
  await prisma.setting.createMany({
    data: Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })),
  });
  return summarise(prisma, options.today, plans, today);
}

/** The demo users, all with the same (once computed) hash of DEMO_PASSWORD. */
export async function insertDemoUsers(prisma: PrismaClient, units: UnitMap, passwordHash: string): Promise<Map<string, number>> {
  await prisma.user.createMany({
    data: DEMO_USERS.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      passwordHash,
      role: u.role,
      unitId: unitOf(units, u.unit).id,
      phone: u.phone,
    })),
  });
  const rows = await prisma.user.findMany({ select: { id: true, username: true } });
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** The three lists: every title of the catalogue, with its task book, timetable and reports. */
export function planDemoTasks(units: UnitMap, today: number): TaskPlan[] {
  const rng = mulberry32(seedOf('demo', 'structure'));
  const entries: Entry[] = [];
  for (const field of FIELDS) {
    const titles = TITLES[field.field];
    if (!titles) continue;
    for (const list of ['mandate', 'pilot', 'innovation'] as const) {
      for (const title of titles[list]) entries.push({ index: entries.length, field, list, title });
    }
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.title)) throw new Error(`duplicate demo title ${e.title}`);
    seen.add(e.title);
  }

  // Status: counted, not rolled, so the mix is exact.
  const order = shuffle(rng, entries.map((e) => e.index));
  const status = new Map<number, TaskStatus>();
  const quota: Array<[TaskStatus, number]> = [['draft', 5], ['completed', 24], ['suspended', 6], ['closed', 5]];
  let cursor = 0;
  for (const [s, n] of quota) for (let i = 0; i < n; i++) status.set(order[cursor++]!, s);
  for (; cursor < order.length; cursor++) status.set(order[cursor]!, 'active');
  const active = shuffle(rng, entries.filter((e) => status.get(e.index) === 'active').map((e) => e.index));
  const scenario = new Map<number, Scenario>();
  const reds = Math.round(active.length * 0.15);
  const yellows = Math.round(active.length * 0.17);
  active.forEach((index, i) => scenario.set(index, i < reds ? 'red' : i < reds + yellows ? 'yellow' : 'green'));
  const moved = new Set(active.filter((_, i) => i >= reds && i % 9 === 0));
  const activePilots = active.filter((i) => entries[i]!.list === 'pilot' && scenario.get(i) !== 'red');
  const extended = new Set(activePilots.slice(0, 6));

  const deptCursor = new Map<string, number>();
  const codeSeq = new Map<string, number>();
  const firstYear = yearOf(dateOfDayNumber(today)) - 3;
  const plans: TaskPlan[] = [];

  for (const e of entries) {
    const { field, list, title } = e;
    const s = status.get(e.index)!;
    const sc = scenario.get(e.index) ?? 'green';
    const group = unitOf(units, field.group);

    // Responsibility (责任状): a department of the field, or a county / town.
    let lead: UnitRow;
    let county: CountySpec | null = null;
    const override = LEAD_OVERRIDES[title];
    const countyLed = override !== undefined || chance(rng, list === 'mandate' ? 0.1 : 0.32);
    if (override) {
      lead = unitOf(units, override);
      county = COUNTIES.find((c) => c.name === override || c.towns.includes(override)) ?? null;
    } else if (countyLed) {
      const countyName = weighted(rng, COUNTY_WEIGHTS);
      county = COUNTIES.find((c) => c.name === countyName)!;
      lead = list === 'innovation' && chance(rng, 0.4) ? unitOf(units, pick(rng, county.towns)) : unitOf(units, county.name);
    } else {
      const weights = field.departments.flatMap((d, i) => (i === 0 ? [d, d, ...(field.field === '科技创新' ? [d] : [])] : [d]));
      const k = deptCursor.get(field.field) ?? 0;
      deptCursor.set(field.field, k + 1);
      lead = unitOf(units, weights[k % weights.length]!);
    }
    const countyUnit = county ? unitOf(units, county.name) : null;

    const others = field.departments.filter((d) => d !== lead.name);
    const coopNames = new Set(pickSome(rng, others, county ? int(rng, 1, 2) : int(rng, 0, 2)));
    if (chance(rng, 0.25)) coopNames.add(pick(rng, FIELDS.filter((f) => f !== field).flatMap((f) => f.departments)));
    if (lead.name !== '市科技局' && ['经济体制', '数字化改革', '区域一体化', '城乡融合', '营商环境', '科技创新'].includes(field.field) && chance(rng, 0.3)) {
      coopNames.add('市科技局');
    }
    const cooperating = [...coopNames].filter((n) => n !== lead.name).slice(0, 3).map((n) => unitOf(units, n).id);

    // Classification.
    const issuingLevel: TaskLevel | null = list === 'mandate' ? weighted(rng, [['national', 45], ['provincial', 35], ['city', 20]]) as TaskLevel : null;
    const approvingLevel: TaskLevel = NATIONAL_PILOTS.has(title) ? 'national' : 'provincial';
    const level: TaskLevel = list === 'mandate' ? issuingLevel! : list === 'pilot' ? approvingLevel : county ? 'county' : 'city';
    const priority: TaskPriority = BREAKTHROUGH.has(title) ? 'breakthrough' : chance(rng, 0.3) ? 'key' : 'normal';
    const tags = new Set<string>();
    if (priority === 'breakthrough') tags.add('攻坚性改革');
    if (BRANDS.has(title)) tags.add('改革名片');
    for (const t of pickSome(rng, TAGS, int(rng, 0, 2))) tags.add(t);

    const milestoneCount = int(rng, 3, 5);
    const measureCount = int(rng, 3, 5);
    const outcomeCount = int(rng, 1, 3);
    const leadLeader = county ? `${personName(rng)}（${countyLeaderTitle(county)}）` : pick(rng, field.leaders);
    const contactName = personName(rng);
    const contactPhone = phoneOf(rng);
    const town = county ? pick(rng, county.towns) : pick(rng, pick(rng, COUNTIES.slice(0, 7)).towns);

    // Timetable and reports: per-task streams, so today never shifts the structure above.
    const dates = mulberry32(seedOf('demo', 'dates', e.index));
    const tt = buildTimetable(dates, {
      today,
      list,
      status: s,
      scenario: sc,
      milestoneCount,
      extendedPilot: extended.has(e.index),
      movedBaseline: moved.has(e.index),
    });
    const reports = buildReports(mulberry32(seedOf('demo', 'reports', e.index)), {
      today,
      status: s,
      scenario: sc,
      title,
      subject: title,
      town,
      timetable: tt,
    });
    const progress = latestAcceptedPercent(reports);
    const year = yearOf(dateOfDayNumber(tt.start));
    const seqKey = `${list}-${year}`;
    const seq = (codeSeq.get(seqKey) ?? 0) + 1;
    codeSeq.set(seqKey, seq);
    const book = mulberry32(seedOf('demo', 'book', e.index));
    const finished = s === 'completed' || s === 'closed';

    let pilotStage: PilotStage = 'implementing';
    if (s === 'draft') pilotStage = pick(book, ['confirmed', 'plan_approved'] as const);
    else if (finished) pilotStage = pick(book, ['self_evaluated', 'evaluated', 'promoted'] as const);
    else if (extended.has(e.index)) pilotStage = 'extended';
    const batch = list === 'pilot' ? pilotBatch(year, firstYear) : null;

    plans.push({
      code: taskCode(list, year, seq),
      list,
      title,
      status: s,
      field: field.field,
      level,
      priority,
      year,
      batch,
      tags: [...tags],
      objective: objectiveOf(book, title, field.field, tt.deadline),
      acceptanceCriteria: acceptanceOf(book),
      issuingLevel,
      start: tt.start,
      deadline: tt.deadline,
      baselineApprovedAt: tt.baselineApprovedAt,
    baselineDeadline: tt.baselineDeadline,
      leadLeader,
      leadUnitId: lead.id,
      specialGroupId: group.id,
      originatingUnitId: list === 'innovation' ? unitOf(units, ORIGIN_OVERRIDES[title] ?? lead.name).id : null,
      contactName,
      contactPhone,
      progress,
      cooperating,
      measures: measuresOf(book, field.field, town, measureCount),
      outcomes: outcomesOf(book, title, outcomeCount, progress, finished),
      sources: sourcesOf(book, list, title, list === 'pilot' ? approvingLevel : issuingLevel, tt.start, list === 'pilot' && county !== null),
      milestones: tt.milestones,
      pilot:
        list === 'pilot'
          ? {
              batch: batch!,
              approvingLevel,
              applyingCountyId: countyUnit?.id ?? null,
              guidingUnit: field.departments.find((d) => d !== lead.name) ?? field.departments[0]!,
              termStart: tt.start,
              termEnd: tt.termEnd,
              stage: pilotStage,
              extendedTo: tt.extendedTo,
              extensionReason: tt.extendedTo
                ? pick(book, ['改革任务复杂，部分制度创新需上级授权，申请延期一年', '改革形势发生新变化，试点内容调整扩围，申请延期', '受要素保障影响，标志性项目建设滞后，申请适当延期'])
                : '',
            }
          : null,
      reports,
    });
  }
  return plans;
}

async function seedInspections(prisma: PrismaClient, rng: Rng, plans: TaskPlan[], ids: Map<string, number>, today: number): Promise<void> {
  const reds = plans.filter((p) => milestoneLight(p.status, p.milestones, today) === 'red');
  const others = plans.filter((p) => p.status === 'active' && !reds.includes(p));
  const chosen = [...reds.slice(0, 6), ...pickSome(rng, others, 3)];
  const inspections: BulkCell[][] = [];
  const items: Array<{ taskId: number; row: BulkCell[] }> = [];
  for (const p of chosen) {
    const taskId = ids.get(p.code)!;
    const inspectedOn = today - int(rng, 10, 200);
    const overdue = p.milestones.find((m) => m.done === null && m.due < today);
    const findings = pickSome(rng, INSPECTION_FINDINGS.slice(overdue ? 0 : 1), int(rng, 1, 3)).map((f) => f.replace('{m}', overdue?.name ?? ''));
    inspections.push([
      `关于“${p.title}”推进情况的专项督察`,
      p.leadUnitId,
      taskId,
      dateOfDayNumber(inspectedOn),
      `市委改革办督察组（李明、${personName(rng)}、${personName(rng)}）`,
      findings.map((f, i) => `${i + 1}. ${f}。`).join('\n'),
      findings.length,
    ]);
    for (const f of findings) {
      const deadline = inspectedOn + int(rng, 20, 60);
      const closed = deadline < today && chance(rng, 0.7);
      items.push({
        taskId,
        row: [
          `整改：${f}`,
          p.leadUnitId,
          dateOfDayNumber(deadline),
          closed ? 'closed' : 'open',
          closed ? dateOfDayNumber(Math.max(inspectedOn + 5, deadline - int(rng, 0, 10))) : null,
          closed ? pick(rng, RECTIFICATION_NOTES) : '',
        ],
      });
    }
  }
  await bulkInsert(
    prisma,
    'inspection',
    [
      { name: 'title', type: 'text' },
      { name: 'unit_id', type: 'int' },
      { name: 'task_id', type: 'int' },
      { name: 'inspected_on', type: 'date' },
      { name: 'inspectors', type: 'text' },
      { name: 'findings', type: 'text' },
      { name: 'finding_count', type: 'int' },
    ],
    inspections,
  );
  const created = await prisma.inspection.findMany({ select: { id: true, taskId: true } });
  const byTask = new Map(created.map((i) => [i.taskId, i.id]));
  await bulkInsert(
    prisma,
    'rectification_item',
    [
      { name: 'inspection_id', type: 'int' },
      { name: 'description', type: 'text' },
      { name: 'owner_unit_id', type: 'int' },
      { name: 'deadline', type: 'date' },
      { name: 'status', type: '"RectificationStatus"' },
      { name: 'closed_on', type: 'date' },
      { name: 'closing_note', type: 'text' },
      { name: 'task_id', type: 'int' },
    ],
    items.map((i) => [byTask.get(i.taskId)!, ...i.row, i.taskId]),
  );
  await bulkInsert(
    prisma,
    'inspection_task',
    [
      { name: 'inspection_id', type: 'int' },
      { name: 'task_id', type: 'int' },
    ],
    created.map((i) => [i.id, i.taskId]),
  );
}

async function seedAssessments(prisma: PrismaClient, rng: Rng, units: UnitMap, today: number): Promise<void> {
  const year = yearOf(dateOfDayNumber(today)) - 1;
  const departments = FIELDS.flatMap((f) => f.departments);
  const assessed = [
    ...COUNTIES.filter((c) => c.kind === 'county').map((c) => c.name),
    ...pickSome(rng, departments, 20).sort((a, b) => departments.indexOf(a) - departments.indexOf(b)),
  ];
  const assessments: BulkCell[][] = [];
  const items: Array<{ unitId: number; row: BulkCell[] }> = [];
  for (const name of assessed) {
    const unitId = unitOf(units, name).id;
    const isCounty = COUNTIES.some((c) => c.name === name);
    let bonusTotal = 0;
    for (const reason of pickSome(rng, BONUS_REASONS, int(rng, 0, 3))) {
      const points = Math.min(int(rng, 2, 8) - (chance(rng, 0.3) ? 0.5 : 0), 20 - bonusTotal);
      if (points <= 0) continue;
      bonusTotal += points;
      items.push({ unitId, row: ['bonus', Math.round(points * 100), reason] });
    }
    for (const reason of pickSome(rng, DEDUCTION_REASONS, int(rng, 0, 2))) {
      const points = int(rng, 1, 6) / 2;
      items.push({ unitId, row: ['deduction', Math.round(points * 100), reason] });
    }
    // Third-party evaluation out of 100, kept as the sheet's base entry (hundredths of a point).
    const thirdParty = isCounty || chance(rng, 0.3) ? (850 + int(rng, 0, 130)) * 10 : null;
    if (thirdParty !== null) items.push({ unitId, row: ['third_party', thirdParty, '第三方评估机构年度评估'] });
    assessments.push([unitId, year, isCounty ? `${year}年度全面深化改革考评（“100+20”）` : '']);
  }
  await bulkInsert(
    prisma,
    'assessment',
    [
      { name: 'unit_id', type: 'int' },
      { name: 'year', type: 'int' },
      { name: 'note', type: 'text' },
    ],
    assessments,
  );
  const created = await prisma.assessment.findMany({ where: { year }, select: { id: true, unitId: true } });
  const byUnit = new Map(created.map((a) => [a.unitId, a.id]));
  await bulkInsert(
    prisma,
    'assessment_item',
    [
      { name: 'assessment_id', type: 'int' },
      { name: 'kind', type: '"AssessmentItemKind"' },
      { name: 'points', type: 'int' },
      { name: 'reason', type: 'text' },
    ],
    items.map((i) => [byUnit.get(i.unitId)!, ...i.row]),
  );
}

const CASES: Array<[string, 'city' | 'province' | 'nation', string]> = [
  ['深化“三治融合”基层治理', 'nation', '发源于桐乡高桥的自治、法治、德治“三治融合”，健全“一约两会三团”机制，从乡村向城市社区拓展，写入党的十九大报告。'],
  ['“新仓经验”迭代升级', 'nation', '平湖新仓创新发展生产、供销、信用“三位一体”农民合作经济组织体系，经验在全国供销系统推广。'],
  ['全面推行“网格连心 组团服务”', 'province', '资源在网格集成、任务在网格落实、诉求在网格解决，建立走访连心全覆盖工作体系。'],
  ['国家科创金融改革试验区建设', 'province', '构建科创金融专营机构体系，推出“科创指数贷”等产品，科技型企业融资成本明显下降。'],
  ['打造“15分钟公共服务圈”', 'province', '以步行15分钟为半径统筹配置教育、医疗、养老、文化等公共服务设施，实现城乡全覆盖。'],
  ['村（社区）专职工作者“全岗通”', 'province', '推行村（社区）专职工作者“一岗多能、全岗都通”，群众办事“一人受理、全程代办”。'],
  ['“区域协同万事通”跨域办', 'nation', '嘉善与青浦、吴江政务服务事项跨省通办，示范区“一网通办”经验获国务院办公厅推广。'],
  ['深化科技金融改革', 'city', '建立科技型企业信用评价模型，政府风险池与银行共担风险，首贷户数量快速增长。'],
  ['“亲清直通”暖企服务机制', 'city', '建立政企常态化沟通直通车，企业诉求“一键直达、限时办结”。'],
  ['示范区“跨域一网通办”', 'province', '依托长三角“一网通办”平台，实现示范区内高频政务服务事项跨域办理。'],
  ['“共富十法”“共富十助”改革举措', 'city', '系统集成“扩中提低”十项举措，低收入农户收入增速高于全体农村居民。'],
];

async function seedTypicalCases(prisma: PrismaClient, rng: Rng, plans: TaskPlan[], ids: Map<string, number>, today: number): Promise<void> {
  const rows: BulkCell[][] = [];
  for (const [title, level, summary] of CASES) {
    const plan = plans.find((p) => p.title === title);
    if (!plan) continue;
    rows.push([
      `${title.replace(/^(深化|打造|全面推行)/, '')}的嘉兴实践`,
      summary,
      plan.originatingUnitId ?? plan.leadUnitId,
      ids.get(plan.code) ?? null,
      level,
      dateOfDayNumber(today - int(rng, 30, 700)),
    ]);
  }
  await bulkInsert(
    prisma,
    'typical_case',
    [
      { name: 'title', type: 'text' },
      { name: 'summary', type: 'text' },
      { name: 'unit_id', type: 'int' },
      { name: 'task_id', type: 'int' },
      { name: 'promoted_level', type: '"PromotionLevel"' },
      { name: 'promoted_on', type: 'date' },
    ],
    rows,
  );
}

async function summarise(prisma: PrismaClient, todayText: string, plans: TaskPlan[], today: number): Promise<DemoSummary> {
  const tasksByList: Record<TaskList, number> = { mandate: 0, pilot: 0, innovation: 0 };
  const tasksByStatus: Record<TaskStatus, number> = { draft: 0, active: 0, suspended: 0, completed: 0, closed: 0 };
  const lightPreview = { red: 0, yellow: 0, green: 0, grey: 0 };
  for (const p of plans) {
    tasksByList[p.list]++;
    tasksByStatus[p.status]++;
    lightPreview[milestoneLight(p.status, p.milestones, today)]++;
  }
  return {
    today: todayText,
    units: await prisma.unit.count(),
    users: await prisma.user.count(),
    tasks: await prisma.task.count(),
    tasksByList,
    tasksByStatus,
    lightPreview,
    cooperatingUnits: await prisma.taskCooperatingUnit.count(),
    measures: await prisma.taskMeasure.count(),
    outcomes: await prisma.taskOutcome.count(),
    sourceDocuments: await prisma.taskSourceDocument.count(),
    milestones: await prisma.milestone.count(),
    pilots: await prisma.pilotDetail.count(),
    reports: await prisma.progressReport.count(),
    inspections: await prisma.inspection.count(),
    rectificationItems: await prisma.rectificationItem.count(),
    assessments: await prisma.assessment.count(),
    assessmentItems: await prisma.assessmentItem.count(),
    typicalCases: await prisma.typicalCase.count(),
    settings: await prisma.setting.count(),
  };
}

