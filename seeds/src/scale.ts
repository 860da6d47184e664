import { hashPassword, type PilotStage, type PrismaClient, type TaskLevel, type TaskList, type TaskPriority, type TaskStatus } from '@reform/db';
import { dateOfDayNumber, dayNumber, yearOf } from '@reform/domain';
import { chance, int, mulberry32, pick, pickSome, seedOf, type Rng } from './prng.ts';
import { buildReports, buildTimetable, latestAcceptedPercent, pilotBatch, taskCode, type Scenario, type TaskPlan } from './plan.ts';
import { acceptanceOf, measuresOf, objectiveOf, outcomesOf, personName, phoneOf, sourcesOf } from './taskbook.ts';
import { writePlans, type WriteCounts } from './write.ts';
import { insertUnitTree, unitOf, type UnitMap, type UnitRow } from './units.ts';
import { COUNTIES, FIELDS, SCALE_EXTRA_DEPARTMENTS, demoUnitTree } from './catalog/units.ts';
import { NATIONAL_PILOTS, TITLES } from './catalog/titles.ts';
import { DEFAULT_SETTINGS, DEMO_PASSWORD, DEMO_USERS, insertDemoUsers } from './demo.ts';

export interface ScaleOptions {
  tasks: number;
  today: string;
  onProgress?: (done: number, total: number) => void;
  /** Tasks per batch (each batch is written in statements of at most this many rows). Default 5,000. */
  chunk?: number;
}

export interface ScaleSummary extends WriteCounts {
  today: string;
  units: number;
  users: number;
  tasksByList: Record<TaskList, number>;
  milliseconds: number;
}

interface ScaleContext {
  today: number;
  units: UnitMap;
  departmentsByField: Map<string, UnitRow[]>;
  allDepartments: UnitRow[];
  codeSeq: Map<string, number>;
  firstYear: number;
}

/**
 * Fills an EMPTY database with `tasks` tasks for benchmarks: the demo unit tree plus more
 * departments (~160 units), the demo users, and per task 4 milestones, up to 8 quarterly
 * reports, 2 measures, 1 outcome and 1 source document.
 */
export async function seedScale(prisma: PrismaClient, options: ScaleOptions): Promise<ScaleSummary> {
  const began = Date.now();
  const today = dayNumber(options.today);
  if (!Number.isInteger(options.tasks) || options.tasks < 0) throw new Error(`任务数无效：${options.tasks} / invalid task count: ${options.tasks}`);
  if ((await prisma.unit.count()) > 0) {
    throw new Error('数据库非空（已有单位），拒绝生成压测数据。 / The database already has units: refusing to seed scale data.');
  }
  const hashing = hashPassword(DEMO_PASSWORD);
  const units = await insertUnitTree(prisma, demoUnitTree(true));
  const users = await insertDemoUsers(prisma, units, await hashing);
  await prisma.setting.createMany({ data: Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })) });
  const submitterByUnit = new Map<number, number>();
  for (const u of DEMO_USERS) {
    const unitId = unitOf(units, u.unit).id;
    if (!submitterByUnit.has(unitId)) submitterByUnit.set(unitId, users.get(u.username)!);
  }

  const departmentsByField = new Map<string, UnitRow[]>();
  for (const f of FIELDS) {
    departmentsByField.set(f.field, [...f.departments, ...(SCALE_EXTRA_DEPARTMENTS[f.group] ?? [])].map((n) => unitOf(units, n)));
  }
  const ctx: ScaleContext = {
    today,
    units,
    departmentsByField,
    allDepartments: [...departmentsByField.values()].flat(),
    codeSeq: new Map(),
    firstYear: yearOf(dateOfDayNumber(today)) - 3,
  };

  const chunk = options.chunk ?? 5_000;
  const totals: WriteCounts = { tasks: 0, cooperatingUnits: 0, measures: 0, outcomes: 0, sourceDocuments: 0, milestones: 0, pilots: 0, reports: 0 };
  const tasksByList: Record<TaskList, number> = { mandate: 0, pilot: 0, innovation: 0 };
  options.onProgress?.(0, options.tasks);
  for (let start = 0; start < options.tasks; start += chunk) {
    const plans: TaskPlan[] = [];
    for (let i = start; i < Math.min(options.tasks, start + chunk); i++) plans.push(planScaleTask(ctx, i));
    for (const p of plans) tasksByList[p.list]++;
    const { counts } = await writePlans(prisma, plans, { submitterByUnit, reviewerId: users.get('admin') ?? null, chunk });
    for (const key of Object.keys(totals) as Array<keyof WriteCounts>) totals[key] += counts[key];
    options.onProgress?.(Math.min(options.tasks, start + chunk), options.tasks);
  }
  return {
    today: options.today,
    units: units.size,
    users: users.size,
    ...totals,
    tasksByList,
    milliseconds: Date.now() - began,
  };
}

function roll<T>(rng: Rng, table: Array<[T, number]>): T {
  let r = rng();
  for (const [value, p] of table) if ((r -= p) < 0) return value;
  return table[table.length - 1]![0];
}

function planScaleTask(ctx: ScaleContext, index: number): TaskPlan {
  const rng = mulberry32(seedOf('scale', index));
  const { today, units } = ctx;
  const field = FIELDS[index % FIELDS.length]!;
  const list = roll<TaskList>(rng, [['mandate', 0.45], ['pilot', 0.27], ['innovation', 0.28]]);
  const base = pick(rng, TITLES[field.field]![list]);
  const status = roll<TaskStatus>(rng, [['draft', 0.02], ['completed', 0.06], ['suspended', 0.02], ['closed', 0.02], ['active', 0.88]]);
  const scenario = roll<Scenario>(rng, [['red', 0.15], ['yellow', 0.17], ['green', 0.68]]);

  const countyLed = chance(rng, 0.25);
  const county = countyLed ? pick(rng, COUNTIES) : null;
  const town = county ? pick(rng, county.towns) : null;
  const lead = county ? unitOf(units, town && chance(rng, 0.4) ? town : county.name) : pick(rng, ctx.departmentsByField.get(field.field)!);
  const title = county ? `${county.short}${town && lead.name === town ? town : ''}${base}` : base;
  const cooperating = pickSome(rng, ctx.allDepartments.filter((d) => d.id !== lead.id), int(rng, 0, 2)).map((d) => d.id);

  const approvingLevel: TaskLevel = NATIONAL_PILOTS.has(base) ? 'national' : 'provincial';
  const issuingLevel: TaskLevel | null = list === 'mandate' ? roll<TaskLevel>(rng, [['national', 0.45], ['provincial', 0.35], ['city', 0.2]]) : null;
  const level: TaskLevel = list === 'mandate' ? issuingLevel! : list === 'pilot' ? approvingLevel : county ? 'county' : 'city';
  const priority = roll<TaskPriority>(rng, [['breakthrough', 0.03], ['key', 0.3], ['normal', 0.67]]);
  const place = town ?? pick(rng, pick(rng, COUNTIES).towns);

  const tt = buildTimetable(rng, {
    today,
    list,
    status,
    scenario,
    milestoneCount: 4,
    startDaysAgo: [740, 1100],
    extendedPilot: false,
    movedBaseline: chance(rng, 0.08),
  });
  const reports = buildReports(rng, { today, status, scenario, title, subject: base, town: place, timetable: tt, maxQuarters: 8, brief: true });
  const progress = latestAcceptedPercent(reports);
  const year = yearOf(dateOfDayNumber(tt.start));
  const key = `${list}-${year}`;
  const seq = (ctx.codeSeq.get(key) ?? 0) + 1;
  ctx.codeSeq.set(key, seq);
  const finished = status === 'completed' || status === 'closed';
  const batch = list === 'pilot' ? pilotBatch(year, ctx.firstYear) : null;
  const stage: PilotStage = status === 'draft' ? 'confirmed' : finished ? 'evaluated' : tt.termEnd - tt.start > 800 ? 'extended' : 'implementing';

  return {
    code: taskCode(list, year, seq),
    list,
    title,
    status,
    field: field.field,
    level,
    priority,
    year,
    batch,
    tags: priority === 'breakthrough' ? ['攻坚性改革'] : [],
    objective: objectiveOf(rng, title, field.field, tt.deadline),
    acceptanceCriteria: acceptanceOf(rng),
    issuingLevel,
    start: tt.start,
    deadline: tt.deadline,
    baselineApprovedAt: tt.baselineApprovedAt,
    baselineDeadline: tt.baselineDeadline,
    leadLeader: county ? `${personName(rng)}（${county.name}委副书记）` : pick(rng, field.leaders),
    leadUnitId: lead.id,
    specialGroupId: unitOf(units, field.group).id,
    originatingUnitId: list === 'innovation' ? lead.id : null,
    contactName: personName(rng),
    contactPhone: phoneOf(rng),
    progress,
    cooperating,
    measures: measuresOf(rng, field.field, place, 2),
    outcomes: outcomesOf(rng, base, 1, progress, finished),
    sources: sourcesOf(rng, list, base, list === 'pilot' ? approvingLevel : issuingLevel, tt.start, list === 'pilot' && county !== null).slice(0, 1),
    milestones: tt.milestones,
    pilot:
      list === 'pilot'
        ? {
            batch: batch!,
            approvingLevel,
            applyingCountyId: county ? unitOf(units, county.name).id : null,
            guidingUnit: field.departments[0]!,
            termStart: tt.start,
            termEnd: stage === 'extended' ? tt.start + 730 : tt.termEnd,
            stage,
            extendedTo: stage === 'extended' ? tt.deadline : null,
            extensionReason: stage === 'extended' ? '改革任务复杂，经市委改革委同意延期' : '',
          }
        : null,
    reports,
  };
}
