import { LightEnum, TaskListEnum, type TDashboardQuery, type TFigure } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { addTable, createWorkbook, workbookFile, type Cell } from '../workbook.ts';
import { getDashboard } from './get-dashboard.ts';

/** A rate is shown as a percentage; a count as itself. */
const unitOf = (figure: TFigure) => (figure.kind === 'rate' ? '%' : '项');

/**
 * 总览看板导出: the same answer as `GET /api/dashboard` for the same filters (one call to
 * getDashboard), laid out as sheets — figures per list with their definitions, the 8-quarter trend,
 * red and yellow tasks, the units with the most overdue items — so the Excel and the page agree.
 */
export async function exportDashboard(ctx: UseCaseContext, query: TDashboardQuery): Promise<{ filename: string; buffer: Buffer }> {
  const dashboard = await getDashboard(ctx, query);
  const unitIds = [query.specialGroupId, query.unitId, query.countyId].filter((id) => id !== undefined);
  const named = new Map(
    (unitIds.length ? await ctx.db.prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]),
  );
  const nameOf = (id: number | undefined) => (id === undefined ? '全部' : (named.get(id) ?? `#${id}`));
  const workbook = createWorkbook(ctx.today);
  const byList = TaskListEnum.values.map((list) => dashboard.byList.find((entry) => entry.list === list));
  addTable(
    workbook,
    '指标',
    ['指标', '单位', '全部', ...TaskListEnum.values.map((list) => TaskListEnum.labels[list]), '分子', '分母', '上期', '变化', '涉及任务数', '定义'],
    dashboard.figures.map((figure): Cell[] => [
      figure.label,
      unitOf(figure),
      figure.value,
      ...byList.map((entry) => entry?.figures.find((f) => f.key === figure.key)?.value ?? null),
      figure.numerator,
      figure.denominator,
      figure.previous,
      figure.change,
      figure.taskCount,
      figure.definition,
    ]),
    [22, 6, 10, 12, 12, 12, 8, 8, 8, 8, 10, 70],
  );
  addTable(
    workbook,
    '近8季度趋势',
    ['期间', '任务数', '完成率（%）', '节点按时完成率（%）', '报告按时报送率（%）', '逾期节点', '逾期任务'],
    dashboard.trend.map((row) => [row.label, row.tasks, row.completionRate, row.milestonesOnTimeRate, row.reportsOnTimeRate, row.overdueMilestones, row.overdueTasks]),
    [18, 10, 12, 18, 18, 10, 10],
  );
  addTable(
    workbook,
    '红黄灯任务',
    ['编号', '任务', '清单', '灯', '原因', '牵头单位', '领衔领导', '时限'],
    dashboard.attention.map((task) => [
      task.code,
      task.title,
      TaskListEnum.labels[task.list],
      LightEnum.labels[task.light],
      task.lightReason,
      task.leadUnit.name,
      task.leadLeader,
      task.deadline,
    ]),
    [16, 40, 10, 6, 40, 20, 10, 12],
  );
  addTable(
    workbook,
    '逾期最多的单位',
    ['单位', '逾期节点', '逾期任务', '逾期整改事项', '合计'],
    dashboard.unitsMostOverdue.map((row) => [row.unit.name, row.overdueMilestones, row.overdueTasks, row.overdueRectifications, row.total]),
    [28, 10, 10, 12, 8],
  );
  addTable(
    workbook,
    '说明',
    ['项目', '内容'],
    [
      ['期间', `${dashboard.period.label}（${dashboard.period.from} 至 ${dashboard.period.to}）`],
      ['统计截至', dashboard.period.asOf],
      ['对比期间', dashboard.previousPeriod.label],
      ['清单', query.list ? TaskListEnum.labels[query.list] : '全部'],
      ['领域', query.field ?? '全部'],
      ['专项小组', nameOf(query.specialGroupId)],
      ['牵头单位', nameOf(query.unitId)],
      ['县（市、区）', nameOf(query.countyId)],
      ['口径', '与总览看板同一计算：每个数字可在任务清单中按“看板指标”筛选出背后的任务。'],
    ],
    [12, 80],
  );
  return workbookFile(workbook, `${dashboard.period.label}总览看板指标.xlsx`);
}
