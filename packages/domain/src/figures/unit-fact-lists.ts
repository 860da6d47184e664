import { daysBetween, quarterLabel, type IsoDate } from '../calendar.ts';
import type { FigureFacts, TaskFact } from './facts.ts';
import { doneOnTime, finishedBy, milestonesDue, onTime, periodFacts, reportsExpected, runningAt } from './indicators.ts';
import type { Period } from './period.ts';

/**
 * The individual facts behind four figures, one list per unit: what the public ranking shows under
 * each part and what an appeal names. Each list is drawn by the same rules as the figure itself
 * (`indicators.ts`), so a unit's `met`/`counted` equal that figure's numerator/denominator in
 * `figuresByUnit` (a test checks it on the demo data).
 *
 * - `milestones_on_time_rate`: each milestone due in the period; met = done on or before its due date.
 * - `completion_rate`: each task in play; met = finished by the statistics day.
 * - `reports_on_time_rate`: each report owed in the period; met = submitted by its due day.
 * - `overdue_milestones`: each milestone overdue at the end of the statistics day (met is always false).
 */
export type UnitFactFigure = 'milestones_on_time_rate' | 'completion_rate' | 'reports_on_time_rate' | 'overdue_milestones';

export interface UnitFactItem {
  /** Stable key: `milestone:<id>:onTime`, `milestone:<id>:overdue`, `task:<id>:completion`, `report:<taskId>:<year>Q<q>`. */
  key: string;
  figure: UnitFactFigure;
  taskId: number;
  met: boolean;
  text: string;
}

const milestoneKey = (task: TaskFact, index: number) => task.milestones[index]?.id ?? `${task.id}-${index}`;

export function unitFactLists(facts: FigureFacts, period: Period, unitOf: (task: TaskFact) => number | null): Map<number, UnitFactItem[]> {
  const ctx = periodFacts(facts, period);
  const { asOf } = period;
  const out = new Map<number, UnitFactItem[]>();
  const push = (task: TaskFact, item: Omit<UnitFactItem, 'taskId'>) => {
    const unit = unitOf(task);
    if (unit === null) return;
    const list = out.get(unit);
    const full = { ...item, taskId: task.id };
    if (list) list.push(full);
    else out.set(unit, [full]);
  };
  for (const { task, milestone } of milestonesDue(ctx)) {
    const met = doneOnTime(milestone);
    const how =
      milestone.doneDate === null
        ? `，至 ${asOf} 逾期 ${daysBetween(milestone.dueDate, asOf)} 天未完成`
        : `，${milestone.doneDate}完成${met ? '' : `（逾期 ${daysBetween(milestone.dueDate, milestone.doneDate)} 天）`}`;
    const key = milestoneKey(task, task.milestones.indexOf(milestone));
    push(task, { key: `milestone:${key}:onTime`, figure: 'milestones_on_time_rate', met, text: `节点“${milestone.name}”${milestone.dueDate}到期${how}` });
  }
  for (const task of ctx.inPlay) {
    const met = finishedBy(task, asOf);
    push(task, { key: `task:${task.id}:completion`, figure: 'completion_rate', met, text: `任务“${task.title}”${met ? `已于 ${task.finishedOn} 完成` : `至 ${asOf} 未完成`}` });
    if (!runningAt(task, asOf)) continue;
    task.milestones.forEach((m, index) => {
      if (m.dueDate <= asOf && (m.doneDate === null || m.doneDate > asOf)) {
        push(task, { key: `milestone:${milestoneKey(task, index)}:overdue`, figure: 'overdue_milestones', met: false, text: `节点“${m.name}”逾期 ${daysBetween(m.dueDate, asOf)} 天` });
      }
    });
  }
  for (const expected of reportsExpected(ctx)) {
    const { task, quarter, due, report } = expected;
    const met = onTime(expected);
    const submitted: IsoDate | null = report?.submittedOn ?? null;
    const how = submitted === null ? '未提交' : met ? `${submitted}按时提交` : `${submitted}提交，迟报 ${daysBetween(due, submitted)} 天`;
    push(task, { key: `report:${task.id}:${quarter.year}Q${quarter.quarter}`, figure: 'reports_on_time_rate', met, text: `“${task.title}”${quarterLabel(quarter)}报告（${due}截止）${how}` });
  }
  return out;
}
