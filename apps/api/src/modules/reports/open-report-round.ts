import type { TReportRound, TReportRoundOpenBody } from '@reform/contracts';
import { dateColumn, defaultRoundDueDate, quarterEnd, quarterLabel, quarterStart, roundOpensOn, type Quarter } from '@reform/domain';
import { mayOpenRound } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { badRequest } from '../bad-request.ts';
import type { UseCaseContext } from '../context.ts';
import { loadLightSettings } from '../settings/load-light-settings.ts';
import { isUniqueViolation } from '../versioned-write.ts';
import { roundInclude, toReportRound } from './report-dto.ts';

/**
 * Opens a quarter's round for the office's scope (the city; a county office its county): from the
 * first day of the quarter's last month on, one report per task active in the quarter, owned by
 * its lead unit, created by one INSERT … SELECT; reports already recorded for the quarter join
 * the round. A second opening of the same quarter and scope is refused by the unique key (409).
 */
export async function openReportRound(ctx: UseCaseContext, body: TReportRoundOpenBody): Promise<TReportRound> {
  if (!mayOpenRound(ctx.user)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const q: Quarter = { year: body.year, quarter: body.quarter as Quarter['quarter'] };
  const opensOn = roundOpensOn(q);
  if (ctx.today < opensOn) {
    throw badRequest('quarter', `${quarterLabel(q)}的报告轮次从 ${opensOn} 起才能开启`, `The round opens on ${opensOn}`);
  }
  const settings = await loadLightSettings(ctx.db);
  const dueDate = body.dueDate ?? defaultRoundDueDate(q, settings.reportDueDay);
  if (dueDate <= quarterStart(q)) throw badRequest('dueDate', '报送截止日期应晚于季度开始', 'The due date must fall after the quarter starts');

  // The city office's round covers every unit; a county office's, its county's subtree.
  const scope =
    ctx.user.role === 'admin'
      ? { unitId: ctx.user.unit.id, path: '' }
      : await ctx.db.prisma.unit.findFirstOrThrow({ where: { path: ctx.user.scopePath }, select: { id: true, path: true } }).then((u) => ({ unitId: u.id, path: u.path }));

  const existing = () =>
    ctx.db.prisma.reportRound.findUnique({ where: { year_quarter_scopeUnitId: { year: q.year, quarter: q.quarter, scopeUnitId: scope.unitId } }, include: roundInclude });
  const refuse = async (): Promise<never> => {
    const current = await existing();
    throw new AppError(
      AppErrorCode.Conflict,
      { zh: `${quarterLabel(q)}的报告轮次已经开启`, en: 'This quarter’s round is already open' },
      { current: current ? toReportRound(current) : undefined },
    );
  };
  if (await existing()) return refuse();

  let roundId: number;
  try {
    roundId = await ctx.db.prisma.$transaction(async (tx) => {
      const round = await tx.reportRound.create({
        data: { year: q.year, quarter: q.quarter, scopeUnitId: scope.unitId, scopePath: scope.path, dueDate: dateColumn(dueDate), openedById: ctx.user.id },
        select: { id: true },
      });
      const created = await tx.$executeRaw`
        INSERT INTO progress_report (task_id, unit_id, year, quarter, round_id, due_date, percent_complete, updated_at)
        SELECT t.id, t.lead_unit_id, ${q.year}, ${q.quarter}, ${round.id}, ${dateColumn(dueDate)}::date, t.progress, now()
        FROM task t JOIN unit u ON u.id = t.lead_unit_id
        WHERE t.start_date <= ${dateColumn(quarterEnd(q))}::date
          AND (t.status IN ('active', 'suspended') OR (t.status = 'completed' AND t.deadline >= ${dateColumn(quarterStart(q))}::date))
          AND u.path LIKE ${`${scope.path}%`}
        ON CONFLICT (task_id, year, quarter) DO NOTHING`;
      // Reports already recorded for the quarter (before rounds existed) join this round.
      await tx.$executeRaw`
        UPDATE progress_report r SET round_id = ${round.id}, due_date = COALESCE(r.due_date, ${dateColumn(dueDate)}::date)
        FROM unit u
        WHERE u.id = r.unit_id AND r.year = ${q.year} AND r.quarter = ${q.quarter} AND r.round_id IS NULL AND u.path LIKE ${`${scope.path}%`}`;
      await tx.reportRound.update({ where: { id: round.id }, data: { createdCount: created } });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'report_round',
        entityId: round.id,
        action: 'round-open',
        changes: { round: { from: null, to: `开启${quarterLabel(q)}报告轮次，截止 ${dueDate}，新建 ${created} 份报告` } },
        requestId: ctx.requestId,
      });
      return round.id;
    }, { timeout: 120_000 });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse();
    throw error;
  }
  const round = await ctx.db.prisma.reportRound.findUniqueOrThrow({ where: { id: roundId }, include: roundInclude });
  return toReportRound(round);
}
