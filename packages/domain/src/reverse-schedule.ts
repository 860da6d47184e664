import { addDays, daysBetween, isValidIsoDate, type IsoDate } from './calendar.ts';
import { previousWorkingDay, workingDaysBetween, type WorkCalendar } from './work-calendar.ts';

/** A phase takes either a share of the span left after fixed phases, or a fixed number of calendar days. */
export interface PhaseTemplate {
  name: string;
  phases: { name: string; share?: number; durationDays?: number; milestoneName: string }[];
}

export interface ScheduledMilestone {
  phase: string;
  name: string;
  dueDate: IsoDate;
}

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

export const defaultPhaseTemplate: PhaseTemplate = {
  name: '三阶段推进',
  phases: [
    { name: '方案制定', share: 0.2, milestoneName: '出台实施方案' },
    { name: '组织实施', share: 0.6, milestoneName: '完成主要改革举措' },
    { name: '总结评估', share: 0.2, milestoneName: '总结评估验收' },
  ],
};

// Share arithmetic is in fractional days; this keeps 100 × 0.2 from flooring to 19.
const EPSILON = 1e-9;

function phaseLengths(template: PhaseTemplate, spanDays: number): number[] {
  const { phases } = template;
  if (phases.length === 0) throw new ScheduleError(`模板“${template.name}”没有任何阶段`);
  let fixedDays = 0;
  let shareTotal = 0;
  for (const phase of phases) {
    const hasShare = phase.share !== undefined;
    const hasDuration = phase.durationDays !== undefined;
    if (hasShare === hasDuration) {
      throw new ScheduleError(`阶段“${phase.name}”须在占比和固定天数中指定且只指定一项`);
    }
    if (hasShare && !(Number.isFinite(phase.share) && phase.share! > 0)) {
      throw new ScheduleError(`阶段“${phase.name}”的占比须为正数`);
    }
    if (hasDuration && !(Number.isInteger(phase.durationDays) && phase.durationDays! > 0)) {
      throw new ScheduleError(`阶段“${phase.name}”的固定天数须为正整数`);
    }
    fixedDays += phase.durationDays ?? 0;
    shareTotal += phase.share ?? 0;
  }
  if (fixedDays > spanDays || (shareTotal > 0 && fixedDays >= spanDays)) {
    throw new ScheduleError(
      `固定天数合计 ${fixedDays} 天，` +
        (shareTotal > 0 ? `未给按比例安排的阶段留出时间` : `超出工期`) +
        `（工期 ${spanDays} 天）`,
    );
  }
  const shareDays = spanDays - fixedDays;
  return phases.map((p) => p.durationDays ?? (shareDays * p.share!) / shareTotal);
}

/**
 * 倒排工期: lays the phases backwards from the deadline and puts one milestone at the end of each
 * phase. Milestones that fall on a day off move to the previous working day, and earlier ones give
 * way so that every phase keeps a distinct working day; if the span cannot hold them all, it throws.
 */
export function reverseSchedule(input: {
  startDate: IsoDate;
  deadline: IsoDate;
  template: PhaseTemplate;
  calendar: WorkCalendar;
}): ScheduledMilestone[] {
  const { startDate, deadline, template, calendar } = input;
  for (const date of [startDate, deadline]) {
    if (!isValidIsoDate(date)) throw new ScheduleError(`日期“${date}”无效，应为 YYYY-MM-DD 格式的实际日期`);
  }
  const spanDays = daysBetween(startDate, deadline);
  if (spanDays <= 0) throw new ScheduleError(`完成时限（${deadline}）须晚于开始日期（${startDate}）`);
  const lengths = phaseLengths(template, spanDays);

  const result: ScheduledMilestone[] = [];
  let phaseEnd = spanDays; // offset from the start, in fractional days
  let latestAllowed = deadline; // each milestone must come strictly before the next one
  for (let i = template.phases.length - 1; i >= 0; i--) {
    const phase = template.phases[i]!;
    const ideal = addDays(startDate, Math.floor(phaseEnd + EPSILON));
    const due = previousWorkingDay(ideal < latestAllowed ? ideal : latestAllowed, calendar);
    if (due < startDate) {
      const workingDays = workingDaysBetween(addDays(startDate, -1), deadline, calendar);
      throw new ScheduleError(
        `工期过短：${spanDays} 天内无法安排 ${template.phases.length} 个节点（${startDate} 至 ${deadline} 仅有 ${workingDays} 个工作日）`,
      );
    }
    result.push({ phase: phase.name, name: phase.milestoneName, dueDate: due });
    latestAllowed = addDays(due, -1);
    phaseEnd -= lengths[i]!;
  }
  return result.reverse();
}
