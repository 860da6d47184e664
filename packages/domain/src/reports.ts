import { addMonths, formatISO } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { quarterStart, reportDueDate, TIME_ZONE, type IsoDate, type Quarter } from './calendar.ts';

/** A quarterly report's statuses (一季度一报). */
export type ReportState = 'draft' | 'submitted' | 'returned' | 'accepted';
export type ReportAction = 'save' | 'submit' | 'return' | 'accept';

export type ReportTransition = { ok: true; to: ReportState } | { ok: false; reason: string };

const STATE_LABELS: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已采纳',
};

const ACTION_LABELS: Record<ReportAction, string> = {
  save: '保存',
  submit: '报送',
  return: '退回',
  accept: '采纳',
};

/** The allowed moves: from each status, what each action leads to. Anything else is refused with its reason. */
const TRANSITIONS: Record<ReportState, Partial<Record<ReportAction, ReportState>>> = {
  draft: { save: 'draft', submit: 'submitted' },
  returned: { save: 'returned', submit: 'submitted' },
  submitted: { return: 'returned', accept: 'accepted' },
  accepted: {},
};

const REFUSALS: Partial<Record<ReportState, string>> = {
  accepted: '报告已采纳，不能再修改或重新审核',
};

/**
 * The report's state machine: draft → submitted → (returned → submitted)* → accepted.
 * A draft or a returned report can be saved and submitted; only a submitted report is reviewed
 * (returned or accepted); an accepted report is final.
 */
export function reportTransition(from: ReportState, action: ReportAction): ReportTransition {
  const to = TRANSITIONS[from][action];
  if (to) return { ok: true, to };
  const reason =
    REFUSALS[from] ??
    (action === 'save' || action === 'submit'
      ? `报告${STATE_LABELS[from]}，等待审核，不能${ACTION_LABELS[action]}`
      : `报告为“${STATE_LABELS[from]}”，不能${ACTION_LABELS[action]}`);
  return { ok: false, reason };
}

export function reportStateLabel(state: ReportState): string {
  return STATE_LABELS[state];
}

/** Which statuses count as "handed in" (for the board and the lights): every status but draft. */
export function reportHandedIn(state: ReportState): boolean {
  return state !== 'draft';
}

/**
 * A submission is late when it happens after the end of the due day in Asia/Shanghai: the due
 * day itself is on time, whatever the time zone of the machine or browser. `at` is an instant.
 */
export function isLateSubmission(dueDate: IsoDate, at: Date): boolean {
  const shanghaiDay = formatISO(new TZDate(at, TIME_ZONE), { representation: 'date' });
  return shanghaiDay > dueDate;
}

/** The same rule for a calendar day (the app clock's "today", honouring TODAY). */
export function isLateOn(dueDate: IsoDate, day: IsoDate): boolean {
  return day > dueDate;
}

/** A round's default due date: `dueDay` days after the quarter ends (the settings' 季度报告时限). */
export function defaultRoundDueDate(q: Quarter, dueDay: number): IsoDate {
  return reportDueDate(q, dueDay);
}

/** A round for a quarter may be opened from the first day of the quarter's last month on. */
export function roundOpensOn(q: Quarter): IsoDate {
  const [year, month] = quarterStart(q).split('-').map(Number) as [number, number];
  return formatISO(addMonths(new Date(year, month - 1, 1), 2), { representation: 'date' });
}

export type PercentCheck = { ok: true } | { ok: false; reason: string };

/** Percent complete never falls below the previous accepted report's without a reason. */
export function checkPercent(percent: number, previousAccepted: number | null, reason: string): PercentCheck {
  if (previousAccepted !== null && percent < previousAccepted && reason.trim().length === 0) {
    return { ok: false, reason: `完成进度低于上期已采纳的 ${previousAccepted}%，请说明原因` };
  }
  return { ok: true };
}

/** Counts for one unit's row of the round board, from its reports' statuses. */
export interface BoardCounts {
  expected: number;
  submitted: number;
  accepted: number;
  returned: number;
  late: number;
  missing: number;
}

/**
 * The board's figures from one report's facts: every report is expected; "submitted" counts each
 * report submitted at least once (accepted ones included); "missing" those never submitted.
 */
export function boardCountsOf(
  reports: ReadonlyArray<{ status: ReportState; submissionCount: number; late: boolean }>,
): BoardCounts {
  const counts: BoardCounts = { expected: 0, submitted: 0, accepted: 0, returned: 0, late: 0, missing: 0 };
  for (const r of reports) {
    counts.expected += 1;
    const handedIn = r.submissionCount > 0 || reportHandedIn(r.status);
    if (handedIn) counts.submitted += 1;
    else counts.missing += 1;
    if (r.status === 'accepted') counts.accepted += 1;
    if (r.status === 'returned') counts.returned += 1;
    if (r.late) counts.late += 1;
  }
  return counts;
}
