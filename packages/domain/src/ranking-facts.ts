import { daysBetween, nextQuarter, previousQuarter, quarterEnd, quarterLabel, quarterOf, quarterStart, reportDueDate, type IsoDate, type Quarter } from './calendar.ts';
import type { RankingFact, RankingGroup, RankingUnitFacts } from './ranking.ts';

/** A ranked unit (or one whose tasks count for a ranked unit: a town counts for its county). */
export interface RankingSourceUnit {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
}

export interface RankingSourceTask {
  id: number;
  title: string;
  status: string;
  leadUnitId: number;
  startDate: IsoDate;
  deadline: IsoDate;
  milestones: Array<{ id: number; name: string; dueDate: IsoDate; doneDate: IsoDate | null }>;
  /** Submitted reports by quarter; a missing quarter was never submitted. */
  reports: Array<{ year: number; quarter: number; submittedOn: IsoDate | null }>;
}

/** The period a ranking covers: a quarter, or the year up to the end of a quarter. */
export interface RankingPeriod {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  yearToDate: boolean;
}

/** First and last day counted: the period's first day, and its last day or today when it is not over. */
export function rankingPeriodDays(period: RankingPeriod, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = period.yearToDate ? `${period.year}-01-01` : quarterStart(period);
  const end = quarterEnd(period);
  return { from, to: end < today ? end : today };
}

/** The group a unit is ranked in: departments, or counties and development zones. */
export function rankingGroupOf(kind: string): RankingGroup | null {
  if (kind === 'department') return 'department';
  if (kind === 'county' || kind === 'zone') return 'county';
  return null;
}

/**
 * The facts of every ranked unit of one group in one period, from plain tasks (the lead unit is
 * accountable; a town's tasks count for its county). Every ranked unit of the group gets a row,
 * with or without facts.
 *
 * - onTimeMilestones: each milestone of a non-draft task due in [from, to]; met = done on or before its due date.
 * - completion: each non-draft task whose deadline is in [from, to]; met = completed or closed.
 * - reportTimeliness: for each quarter whose report fell due in [from, to], each non-draft task running in that
 *   quarter; met = submitted on or before the due date (`reportDueDay` days after the quarter ends).
 * - overdueItems: each milestone of an active task due before `to` and not done by `to`.
 */
export function rankingFactsOf(
  input: { units: RankingSourceUnit[]; tasks: RankingSourceTask[]; reportDueDay: number },
  group: RankingGroup,
  period: RankingPeriod,
  today: IsoDate,
): RankingUnitFacts[] {
  const { from, to } = rankingPeriodDays(period, today);
  const byId = new Map(input.units.map((unit) => [unit.id, unit]));
  const rankedOf = new Map<number, number | null>();
  const rankedUnitOf = (unitId: number): number | null => {
    if (rankedOf.has(unitId)) return rankedOf.get(unitId) ?? null;
    let unit = byId.get(unitId);
    let found: number | null = null;
    for (let depth = 0; unit && depth < 20; depth += 1) {
      if (rankingGroupOf(unit.kind) !== null) {
        found = rankingGroupOf(unit.kind) === group ? unit.id : null;
        break;
      }
      unit = unit.parentId === null ? undefined : byId.get(unit.parentId);
    }
    rankedOf.set(unitId, found);
    return found;
  };
  const rows = new Map<number, RankingUnitFacts>();
  for (const unit of input.units) {
    if (rankingGroupOf(unit.kind) === group) rows.set(unit.id, { unit: { id: unit.id, name: unit.name }, facts: [] });
  }
  const reportQuarters: Array<{ q: Quarter; due: IsoDate }> = [];
  for (let q = previousQuarter(quarterOf(from)); quarterStart(q) <= to; q = nextQuarter(q)) {
    const due = reportDueDate(q, input.reportDueDay);
    if (due >= from && due <= to) reportQuarters.push({ q, due });
  }
  for (const task of input.tasks) {
    if (task.status === 'draft') continue;
    const unitId = rankedUnitOf(task.leadUnitId);
    const row = unitId === null ? undefined : rows.get(unitId);
    if (!row) continue;
    const push = (fact: RankingFact) => row.facts.push(fact);
    for (const m of task.milestones) {
      if (m.dueDate >= from && m.dueDate <= to) {
        const met = m.doneDate !== null && m.doneDate <= m.dueDate;
        const late = m.doneDate === null ? (daysBetween(m.dueDate, to) > 0 ? `，逾期 ${daysBetween(m.dueDate, to)} 天未完成` : '，尚未完成') : `，${m.doneDate}完成${met ? '' : `（逾期 ${daysBetween(m.dueDate, m.doneDate)} 天）`}`;
        push({ key: `milestone:${m.id}:onTime`, indicator: 'onTimeMilestones', taskId: task.id, met, text: `节点“${m.name}”${m.dueDate}到期${late}` });
      }
      if (task.status === 'active' && m.dueDate < to && (m.doneDate === null || m.doneDate > to)) {
        push({ key: `milestone:${m.id}:overdue`, indicator: 'overdueItems', taskId: task.id, met: false, text: `节点“${m.name}”逾期 ${daysBetween(m.dueDate, to)} 天` });
      }
    }
    if (task.deadline >= from && task.deadline <= to) {
      const met = task.status === 'completed' || task.status === 'closed';
      push({ key: `task:${task.id}:completion`, indicator: 'completion', taskId: task.id, met, text: `任务“${task.title}”${task.deadline}到期，${met ? '已完成' : '未完成'}` });
    }
    for (const { q, due } of reportQuarters) {
      if (task.startDate > quarterEnd(q) || task.deadline < quarterStart(q)) continue;
      const report = task.reports.find((r) => r.year === q.year && r.quarter === q.quarter);
      const submitted = report?.submittedOn ?? null;
      const met = submitted !== null && submitted <= due;
      const how = submitted === null ? '未提交' : met ? `${submitted}按时提交` : `${submitted}提交，迟报 ${daysBetween(due, submitted)} 天`;
      push({ key: `report:${task.id}:${q.year}Q${q.quarter}`, indicator: 'reportTimeliness', taskId: task.id, met, text: `“${task.title}”${quarterLabel(q)}报告（${due}截止）${how}` });
    }
  }
  return [...rows.values()];
}
