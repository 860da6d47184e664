import type { TReportDetail, TReportReturnBody } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { reviewReport } from './review-report.ts';

/** Returns a submitted report to its unit with the reviewer's comment (required); the unit fixes and resubmits. */
export function returnReport(ctx: UseCaseContext, id: number, body: TReportReturnBody): Promise<TReportDetail> {
  return reviewReport(ctx, id, body.version, {
    action: 'return',
    status: 'returned',
    comment: body.comment,
    history: (report) => `${report.year}年第${report.quarter}季度报告被退回：${body.comment}`,
  });
}
