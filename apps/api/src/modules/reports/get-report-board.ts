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
 * Who has and has not reported in a round, per lead unit, within the round's scope and the
 * viewer's. The counts per quarter and unit are kept by the database in report_board_count
 * (migration 0018: triggers update it in the same statement as every report write), so the board
 * reads one row per unit instead of counting the quarter's reports. They follow `boardCountsOf`
 * in the domain: "submitted" is every report handed in at least once (accepted ones included),
 * "missing" the rest.
 */
export async function getReportBoard(ctx: UseCaseContext, id: number): Promise<TReportBoard> {
  const round = await findRoundInScope(ctx, id);
  const unitIds = reportScopeUnitIds(ctx.user);
  const rows = await ctx.db.prisma.$queryRaw<BoardRow[]>`
    SELECT u.id, u.name, c.expected, c.submitted, c.accepted, c.returned, c.late
    FROM report_board_count c JOIN unit u ON u.id = c.unit_id
    WHERE c.year = ${round.year} AND c.quarter = ${round.quarter} AND c.expected > 0
      AND (${unitIds}::int[] IS NULL OR c.unit_id = ANY(${unitIds}::int[]))
      AND u.path LIKE ${`${round.scopePath}%`}
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
