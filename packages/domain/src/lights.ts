import type { Light, TaskStatus } from '@reform/contracts';
import {
  addDays,
  daysBetween,
  previousQuarter,
  quarterEnd,
  quarterLabel,
  quarterOf,
  reportDueDate,
  shortChineseDate,
  type IsoDate,
} from './calendar.ts';
import { shortDescription } from './rectification.ts';
import type { LightSettings } from './settings.ts';

export interface LightFacts {
  status: TaskStatus;
  startDate: IsoDate;
  deadline: IsoDate;
  milestones: ReadonlyArray<{ name: string; dueDate: IsoDate; doneDate: IsoDate | null }>;
  /** Quarters for which the unit has handed in a report (submitted, accepted or returned). */
  reportedQuarters: ReadonlyArray<{ year: number; quarter: number }>;
  /** Rectification items (整改事项) of the task still open (not responded, not closed); missing = none. */
  openRectifications?: ReadonlyArray<{ description: string; deadline: IsoDate }>;
}

export interface LightResult {
  light: Light;
  reason: string;
}

const GREY_REASONS: Partial<Record<TaskStatus, string>> = {
  draft: '任务尚未下达',
  suspended: '任务已暂停',
  completed: '任务已完成',
  closed: '任务已销号',
};

/**
 * The status light of a task, computed from facts only (never typed in):
 * red when a milestone or the deadline has passed undone; yellow when a milestone falls due
 * within `yellowWithinDays` undone, or the last quarter's report is late; green otherwise;
 * grey when the task is not running. A date's whole day counts: due today is not yet late.
 */
export function computeLight(facts: LightFacts, settings: LightSettings, today: IsoDate): LightResult {
  const greyReason = GREY_REASONS[facts.status];
  if (greyReason) return { light: 'grey', reason: greyReason };

  const undone = facts.milestones.filter((m) => m.doneDate === null);
  const overdue = undone
    .filter((m) => m.dueDate < today)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const firstOverdue = overdue[0];
  const deadlinePassed = facts.deadline < today;

  if (deadlinePassed && (!firstOverdue || facts.deadline <= firstOverdue.dueDate)) {
    const more = overdue.length > 0 ? `，另有 ${overdue.length} 个节点未完成` : '';
    return { light: 'red', reason: `任务已超过完成时限 ${daysBetween(facts.deadline, today)} 天${more}` };
  }
  if (firstOverdue) {
    const more = overdue.length > 1 ? `，另有 ${overdue.length - 1} 个节点逾期` : '';
    return {
      light: 'red',
      reason: `节点“${firstOverdue.name}”已逾期 ${daysBetween(firstOverdue.dueDate, today)} 天${more}`,
    };
  }

  const rectifications = [...(facts.openRectifications ?? [])].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const lateRectifications = rectifications.filter((r) => r.deadline < today);
  const firstLate = lateRectifications[0];
  if (firstLate) {
    const more = lateRectifications.length > 1 ? `，另有 ${lateRectifications.length - 1} 项整改逾期` : '';
    return {
      light: 'red',
      reason: `整改事项“${shortDescription(firstLate.description)}”已逾期 ${daysBetween(firstLate.deadline, today)} 天${more}`,
    };
  }

  const horizon = addDays(today, settings.yellowWithinDays);
  const dueSoon = undone
    .filter((m) => m.dueDate <= horizon)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  if (dueSoon) {
    const days = daysBetween(today, dueSoon.dueDate);
    const when = days === 0 ? '今天到期' : `${days} 天后到期（${shortChineseDate(dueSoon.dueDate)}）`;
    return { light: 'yellow', reason: `节点“${dueSoon.name}”${when}，尚未完成` };
  }
  const rectificationSoon = rectifications.find((r) => r.deadline <= horizon);
  if (rectificationSoon) {
    const days = daysBetween(today, rectificationSoon.deadline);
    const when = days === 0 ? '今天到期' : `${days} 天后到期（${shortChineseDate(rectificationSoon.deadline)}）`;
    return { light: 'yellow', reason: `整改事项“${shortDescription(rectificationSoon.description)}”${when}，尚未整改到位` };
  }

  const lastQuarter = previousQuarter(quarterOf(today));
  const due = reportDueDate(lastQuarter, settings.reportDueDay);
  const wasRunningThen = facts.startDate <= quarterEnd(lastQuarter);
  const reported = facts.reportedQuarters.some((r) => r.year === lastQuarter.year && r.quarter === lastQuarter.quarter);
  if (wasRunningThen && !reported && today > due) {
    return {
      light: 'yellow',
      reason: `${quarterLabel(lastQuarter)}进展报告逾期未报（应于${shortChineseDate(due)}前报送）`,
    };
  }

  const next = undone.sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  return {
    light: 'green',
    reason: next ? `按计划推进，下一节点“${next.name}”于${shortChineseDate(next.dueDate)}到期` : '按计划推进',
  };
}
