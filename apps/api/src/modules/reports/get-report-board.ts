import type { TReportBoard } from '@reform/contracts';
import { reportScopeUnitIds } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { findRoundInScope } from './get-report-round.ts';

interface BoardRow {
  id: number;
  name: string;
  expected: number;
  submitted: number;
  accepted: number;
  returned: number;
  late: number;
}

/**
 * Who has and has not reported in a round, per lead unit: one aggregate statement over the
 * quarter's reports (served by progress_report_board_idx), within the round's scope and the
 * viewer's. The counts follow `boardCountsOf` in the domain: "submitted" is every report handed
 * in at least once (accepted ones included), "missing" the rest.
 */
export async function getReportBoard(ctx: UseCaseContext, id: number): Promise<TReportBoard> {
  const round = await findRoundInScope(ctx, id);
  const unitIds = reportScopeUnitIds(ctx.user);
  const rows = await ctx.db.prisma.$queryRaw<BoardRow[]>`
    SELECT u.id, u.name, c.expected, c.submitted, c.accepted, c.returned, c.late
    FROM (
      SELECT r.unit_id,
             count(*)::int AS expected,
             count(*) FILTER (WHERE r.submission_count > 0 OR r.status <> 'draft')::int AS submitted,
             count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE r.status = 'returned')::int AS returned,
             count(*) FILTER (WHERE r.late)::int AS late
      FROM progress_report r
      WHERE r.year = ${round.year} AND r.quarter = ${round.quarter}
        AND (${unitIds}::int[] IS NULL OR r.unit_id = ANY(${unitIds}::int[]))
      GROUP BY r.unit_id
    ) c
    JOIN unit u ON u.id = c.unit_id
    WHERE u.path LIKE ${`${round.scopePath}%`}
    ORDER BY u.path`;
  const units = rows.map((row) => ({
    unit: { id: row.id, name: row.name },
    expected: row.expected,
    submitted: row.submitted,
    accepted: row.accepted,
    returned: row.returned,
    late: row.late,
    missing: row.expected - row.submitted,
  }));
  const totals = { expected: 0, submitted: 0, accepted: 0, returned: 0, late: 0, missing: 0 };
  for (const row of units) {
    totals.expected += row.expected;
    totals.submitted += row.submitted;
    totals.accepted += row.accepted;
    totals.returned += row.returned;
    totals.late += row.late;
    totals.missing += row.missing;
  }
  return { units, totals };
}
