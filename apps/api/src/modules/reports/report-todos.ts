import type { TTodo } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { isoDate } from '@reform/domain';
import { reportScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';

const include = {
  task: { select: { id: true, code: true, title: true } },
  unit: { select: { name: true } },
  submittedBy: { select: { displayName: true, unit: { select: { name: true } } } },
  reviewer: { select: { displayName: true, unit: { select: { name: true } } } },
} satisfies Prisma.ProgressReportInclude;
type Row = Prisma.ProgressReportGetPayload<{ include: typeof include }>;

type Kind = 'report-fill' | 'report-returned' | 'report-review';

/**
 * The quarterly-report part of the to-do list: the unit's reports still to fill in an open round
 * and those returned to it; for the reviewing offices (the city office, a county office for its
 * subtree), reports submitted and waiting for review.
 */
export async function reportTodos(ctx: UseCaseContext, limit: number): Promise<TTodo[]> {
  const own = ctx.user.role === 'leader' ? null : { unitId: ctx.user.unit.id };
  const reviews = ctx.user.role === 'admin' || ctx.user.role === 'county_office';
  const [fill, returned, review] = await Promise.all([
    own
      ? ctx.db.prisma.progressReport.findMany({
          where: { ...own, status: 'draft', roundId: { not: null } },
          include,
          orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
          take: limit,
        })
      : [],
    own ? ctx.db.prisma.progressReport.findMany({ where: { ...own, status: 'returned' }, include, orderBy: { id: 'asc' }, take: limit }) : [],
    reviews
      ? ctx.db.prisma.progressReport.findMany({
          where: { AND: [{ status: 'submitted' }, reportScope(ctx.user)] },
          include,
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
          take: limit,
        })
      : [],
  ]);
  const todo = (kind: Kind, row: Row): TTodo => {
    const person = kind === 'report-returned' ? row.reviewer : kind === 'report-review' ? row.submittedBy : null;
    const quarter = `${row.year}年第${row.quarter}季度进展报告`;
    return {
      kind,
      reportId: row.id,
      year: row.year,
      quarter: row.quarter,
      dueDate: row.dueDate ? isoDate(row.dueDate) : null,
      late: row.late,
      task: row.task,
      author: person ? { displayName: person.displayName, unitName: person.unit.name } : { displayName: row.unit.name, unitName: row.unit.name },
      body:
        kind === 'report-fill'
          ? `${quarter}待填报${row.dueDate ? `（${isoDate(row.dueDate)}前报送）` : ''}`
          : kind === 'report-returned'
            ? `${quarter}被退回：${row.reviewComment}`
            : `${quarter}已报送，待审核`,
      createdAt: (kind === 'report-fill' ? row.createdAt : row.updatedAt).toISOString(),
    };
  };
  return [...fill.map((row) => todo('report-fill', row)), ...returned.map((row) => todo('report-returned', row)), ...review.map((row) => todo('report-review', row))];
}
