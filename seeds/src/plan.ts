import type { OutcomeKind, PilotStage, ReportStatus, TaskLevel, TaskList, TaskPriority, TaskStatus } from '@reform/db';
import {
  dateOfDayNumber,
  dayNumber,
  nextQuarter,
  previousQuarter,
  quarterEnd,
  quarterIndex,
  quarterOf,
  reportDueDate,
  shanghaiInstant,
  type Quarter,
} from '@reform/domain';
import { chance, int, pick, type Rng } from './prng.ts';
import {
  MILESTONES,
  REPORT_NEXT_STEPS,
  REPORT_OUTCOMES,
  REPORT_PROBLEMS,
  REPORT_PROGRESS,
  RETURN_COMMENTS,
} from './catalog/text.ts';

/** What the task's milestones should say about it today: red = overdue, yellow = due soon. */
export type Scenario = 'red' | 'yellow' | 'green';

export interface MilestonePlan {
  seq: number;
  name: string;
  phase: string;
  due: number;
  baseline: number | null;
  done: number | null;
  note: string;
}

export interface ReportPlan {
  year: number;
  quarter: number;
  progressText: string;
  outcomesText: string;
  problems: string;
  nextSteps: string;
  percent: number;
  status: ReportStatus;
  submittedAt: string | null;
  /** The quarter's due day (setting `reports`); handed in after it, the report is late for good. */
  dueDate: string;
  late: boolean;
  reviewedAt: string | null;
  reviewComment: string;
  createdAt: string;
}

export interface OutcomePlan {
  kind: OutcomeKind;
  description: string;
  target: number;
  delivered: number;
}

export interface SourcePlan {
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: number | null;
}

export interface PilotPlan {
  batch: string;
  approvingLevel: TaskLevel;
  applyingCountyId: number | null;
  guidingUnit: string;
  termStart: number;
  termEnd: number;
  stage: PilotStage;
  extendedTo: number | null;
  extensionReason: string;
}

export interface TaskPlan {
  code: string;
  list: TaskList;
  title: string;
  status: TaskStatus;
  field: string;
  level: TaskLevel;
  priority: TaskPriority;
  year: number;
  batch: string | null;
  tags: string[];
  objective: string;
  acceptanceCriteria: string;
  issuingLevel: TaskLevel | null;
  start: number;
  deadline: number;
  baselineApprovedAt: string | null;
  /** The deadline frozen with the approved timetable (null before approval). */
  baselineDeadline: number | null;
  leadLeader: string;
  leadUnitId: number;
  specialGroupId: number | null;
  originatingUnitId: number | null;
  contactName: string;
  contactPhone: string;
  progress: number;
  cooperating: number[];
  measures: string[];
  outcomes: OutcomePlan[];
  sources: SourcePlan[];
  milestones: MilestonePlan[];
  pilot: PilotPlan | null;
  reports: ReportPlan[];
}

export const CODE_PREFIX: Record<TaskList, string> = { mandate: 'ZD', pilot: 'SD', innovation: 'CX' };

export function taskCode(list: TaskList, year: number, seq: number): string {
  return `${CODE_PREFIX[list]}-${year}-${String(seq).padStart(3, '0')}`;
}

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

// ─── Timetable (时间表) ──────────────────────────────────────────────────────

export interface TimetableInput {
  today: number;
  list: TaskList;
  status: TaskStatus;
  scenario: Scenario;
  milestoneCount: number;
  /** A pilot past its two-year term, extended on application. */
  extendedPilot?: boolean;
  /** One milestone rescheduled later than the approved baseline. */
  movedBaseline?: boolean;
  /** Days before today the task started, overriding the defaults (benchmark data). */
  startDaysAgo?: [number, number];
}

export interface Timetable {
  start: number;
  deadline: number;
  milestones: MilestonePlan[];
  baselineApprovedAt: string | null;
  baselineDeadline: number | null;
  termEnd: number;
  extendedTo: number | null;
  /** Day the last milestone was done (completed and closed tasks). */
  finishedOn: number | null;
}

/**
 * Reverse scheduling (倒排工期): the deadline is fixed first, milestones are derived backwards
 * from it, then the milestones are set done or not so that the task shows its scenario today.
 */
export function buildTimetable(rng: Rng, input: TimetableInput): Timetable {
  const { today, list, status, scenario } = input;
  const n = input.milestoneCount;
  let start: number;
  let deadline: number;
  let termEnd: number | null = null;
  let extendedTo: number | null = null;
  const finished = status === 'completed' || status === 'closed';

  if (status === 'draft') {
    start = today + int(rng, 7, 45);
    deadline = start + int(rng, 365, 700);
  } else if (finished) {
    start = today - int(rng, 450, 1100);
    deadline = Math.min(start + int(rng, 300, 730), today - int(rng, 10, 90));
  } else if (input.startDaysAgo) {
    start = today - int(rng, input.startDaysAgo[0], input.startDaysAgo[1]);
    deadline = today + int(rng, 30, 540);
    if (scenario === 'red' && chance(rng, 0.3)) deadline = today - int(rng, 5, 60);
  } else if (list === 'pilot') {
    if (input.extendedPilot) {
      start = today - int(rng, 770, 1000);
      termEnd = start + 730;
      deadline = Math.max(termEnd + int(rng, 180, 365), today + int(rng, 60, 200));
      extendedTo = deadline;
    } else {
      start = today - int(rng, 200, 690);
      deadline = start + 730;
    }
  } else {
    start = today - (chance(rng, 0.78) ? int(rng, 560, 1100) : int(rng, 90, 559));
    deadline = today + int(rng, 30, 540);
    if (scenario === 'red' && chance(rng, 0.3)) deadline = today - int(rng, 5, 60);
  }
  start = Math.min(start, deadline - 240);

  // Reverse-scheduled from the deadline.
  const first = start + int(rng, 30, 60);
  const template = MILESTONES[list][n] ?? MILESTONES[list][4]!;
  const milestones: MilestonePlan[] = template.map(([name, phase], i) => ({
    seq: i + 1,
    name,
    phase,
    due: deadline - Math.round(((template.length - 1 - i) * (deadline - first)) / (template.length - 1)),
    baseline: null,
    done: null,
    note: '',
  }));
  const count = milestones.length;
  const at = (i: number): MilestonePlan => milestones[i]!;
  const doneFor = (m: MilestonePlan, lower: number): number => {
    const late = chance(rng, 0.1);
    const day = late ? Math.min(m.due + int(rng, 1, 20), today - 1) : m.due - int(rng, 0, 12);
    return Math.max(day, lower + 1);
  };

  let finishedOn: number | null = null;
  if (finished) {
    let lower = start;
    for (const m of milestones) {
      m.done = Math.min(doneFor(m, lower), today - 1);
      lower = m.done;
    }
    finishedOn = at(count - 1).done;
  } else if (status !== 'draft') {
    let current = milestones.findIndex((m) => m.due >= today);
    if (current === -1) current = count;
    let lower = start;
    for (let i = 0; i < current; i++) {
      at(i).done = doneFor(at(i), lower);
      lower = at(i).done!;
    }
    if (status === 'active') {
      if (scenario === 'red') {
        if (current > 0) {
          at(current - 1).done = null;
        } else {
          at(0).due = today - int(rng, 5, 30);
          if (at(0).due <= start) start = at(0).due - 30;
        }
      } else if (scenario === 'yellow') {
        const soon = today + int(rng, 1, 14);
        if (current < count - 1) {
          at(current).due = Math.min(at(current).due, soon);
        } else {
          const m = at(Math.max(0, current - 1));
          m.due = soon;
          m.done = null;
        }
      } else {
        for (let i = current; i < count && at(i).due <= today + 14 && at(i).done === null; i++) {
          const next = i + 1 < count ? at(i + 1).due : Number.POSITIVE_INFINITY;
          const later = today + int(rng, 15, 30);
          if (later < next - 5) at(i).due = later;
          else at(i).done = today - int(rng, 1, 5);
        }
      }
    }
  }

  let baselineApprovedAt: string | null = null;
  if (status !== 'draft') {
    for (const m of milestones) m.baseline = m.due;
    baselineApprovedAt = shanghaiInstant(dateOfDayNumber(Math.min(start + int(rng, 7, 30), today - 1)), 10, int(rng, 0, 59));
    if (input.movedBaseline && status === 'active' && scenario !== 'red') {
      for (let i = 0; i < count; i++) {
        const m = at(i);
        if (m.done !== null || m.due <= today + 45) continue;
        const baseline = m.due - int(rng, 15, 60);
        if (baseline > today + 15 && (i === 0 || baseline > at(i - 1).due)) {
          m.baseline = baseline;
          m.note = '经市委改革办同意，节点调整';
          break;
        }
      }
    }
  }

  return {
    start,
    deadline,
    milestones,
    baselineApprovedAt,
    // Approval freezes the deadline with the milestones; the seeded adjustments move milestones only.
    baselineDeadline: baselineApprovedAt === null ? null : deadline,
    termEnd: termEnd ?? deadline,
    extendedTo,
    finishedOn,
  };
}

/** The light the application should derive from the milestones (a preview for summaries and tests). */
export function milestoneLight(status: TaskStatus, milestones: readonly Pick<MilestonePlan, 'due' | 'done'>[], today: number, yellowWithinDays = 14): 'red' | 'yellow' | 'green' | 'grey' {
  if (status !== 'active') return 'grey';
  const open = milestones.filter((m) => m.done === null);
  if (open.some((m) => m.due < today)) return 'red';
  if (open.some((m) => m.due <= today + yellowWithinDays)) return 'yellow';
  return 'green';
}

// ─── Quarterly reports (一季度一报) ──────────────────────────────────────────

/** The demo city's report due day: this many days after a quarter ends (setting `reports`). */
export const REPORT_DUE_DAY = 10;

export interface ReportInput {
  today: number;
  status: TaskStatus;
  scenario: Scenario;
  title: string;
  subject: string;
  town: string;
  timetable: Timetable;
  /** Keep only the last N quarters (benchmark data). */
  maxQuarters?: number;
  /** Shorter texts (benchmark data). */
  brief?: boolean;
}

function roundTo5(value: number): number {
  return Math.round(value / 5) * 5;
}

export function buildReports(rng: Rng, input: ReportInput): ReportPlan[] {
  const { today, status, timetable: tt } = input;
  if (status === 'draft') return [];
  const lastQ = previousQuarter(quarterOf(dateOfDayNumber(today)));
  let endQ: Quarter = lastQ;
  if (tt.finishedOn !== null && quarterIndex(quarterOf(dateOfDayNumber(tt.finishedOn))) < quarterIndex(lastQ)) endQ = quarterOf(dateOfDayNumber(tt.finishedOn));
  const quarters: Quarter[] = [];
  for (let q = quarterOf(dateOfDayNumber(tt.start)); quarterIndex(q) <= quarterIndex(endQ); q = nextQuarter(q)) quarters.push(q);
  const kept = input.maxQuarters ? quarters.slice(-input.maxQuarters) : quarters;
  const factor = status === 'suspended' ? 0.7 : input.scenario === 'red' ? 0.75 : input.scenario === 'yellow' ? 0.9 : 1;
  const span = Math.max(1, tt.deadline - tt.start);
  const reports: ReportPlan[] = [];
  let previous = 0;
  kept.forEach((q, i) => {
    const end = dayNumber(quarterEnd(q));
    const fraction = Math.min(1, Math.max(0.03, (end - tt.start) / span));
    let percent = roundTo5(fraction * 100 * factor + int(rng, -5, 5));
    percent = Math.max(previous, Math.min(95, Math.max(5, percent)));
    const isLastOfFinished = tt.finishedOn !== null && i === kept.length - 1 && quarterIndex(q) === quarterIndex(quarterOf(dateOfDayNumber(tt.finishedOn)));
    if (isLastOfFinished) percent = 100;
    previous = percent;

    const isCurrent = quarterIndex(q) === quarterIndex(lastQ);
    const submitDay = end + int(rng, 5, 12);
    let status: ReportStatus = 'accepted';
    let submittedAt: string | null = shanghaiInstant(dateOfDayNumber(submitDay), int(rng, 9, 17), int(rng, 0, 59));
    let reviewDay = submitDay + int(rng, 1, 7);
    let reviewComment = '';
    if (isCurrent && !isLastOfFinished) {
      const roll = rng();
      if (roll < 0.08) return; // not reported yet: late
      if (submitDay >= today) {
        status = 'draft';
        submittedAt = null;
      } else if (roll < 0.33) {
        status = 'submitted';
      } else if (roll < 0.45) {
        status = 'returned';
        reviewComment = pick(rng, RETURN_COMMENTS);
      }
      if ((status === 'accepted' || status === 'returned') && reviewDay >= today) {
        status = 'submitted';
        reviewComment = '';
      }
    } else if (isCurrent && submitDay >= today) {
      status = 'draft';
      submittedAt = null;
    }
    if (status === 'accepted' && reviewDay >= today) reviewDay = today - 1;
    const stage = fraction < 0.25 ? '早期' : fraction < 0.75 ? '中期' : '后期';
    const values = { t: input.title, s: input.subject, town: input.town, n: int(rng, 1, 6), m: int(rng, 3, 40), p: int(rng, 92, 99) };
    const progressText = input.brief
      ? `${q.year}年第${q.quarter}季度：${fill(pick(rng, REPORT_PROGRESS[stage]), { ...values, t: '各项任务' })}`
      : `${q.year}年第${q.quarter}季度，${fill(pick(rng, REPORT_PROGRESS[stage]), values)}`;
    const dueDate = reportDueDate(q, REPORT_DUE_DAY);
    reports.push({
      year: q.year,
      quarter: q.quarter,
      dueDate,
      late: submittedAt !== null && dateOfDayNumber(submitDay) > dueDate,
      progressText,
      outcomesText: fill(pick(rng, REPORT_OUTCOMES), values),
      problems: pick(rng, REPORT_PROBLEMS),
      nextSteps: pick(rng, REPORT_NEXT_STEPS),
      percent,
      status,
      submittedAt,
      reviewedAt: status === 'accepted' || status === 'returned' ? shanghaiInstant(dateOfDayNumber(reviewDay), int(rng, 9, 17), int(rng, 0, 59)) : null,
      reviewComment: status === 'accepted' && chance(rng, 0.2) ? '同意。' : reviewComment,
      createdAt: shanghaiInstant(dateOfDayNumber(Math.min(end + 3, today - 1)), 9, 0),
    });
  });
  return reports;
}

/** Task.progress: percent complete of the latest accepted report. */
export function latestAcceptedPercent(reports: readonly ReportPlan[]): number {
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i]!.status === 'accepted') return reports[i]!.percent;
  return 0;
}

export function pilotBatch(year: number, firstYear: number): string {
  const names = ['第一批', '第二批', '第三批', '第四批', '第五批', '第六批', '第七批', '第八批'];
  return names[Math.min(names.length - 1, Math.max(0, year - firstYear))]!;
}

