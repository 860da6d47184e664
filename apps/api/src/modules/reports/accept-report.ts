import type { TReportDetail, TReportVersionBody } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { reviewReport } from './review-report.ts';

/**
 * Accepts a submitted report: it becomes final, and when it is the task's latest accepted report
 * its percent becomes the task's progress. Of many reviewers deciding at once exactly one wins.
 */
export function acceptReport(ctx: UseCaseContext, id: number, body: TReportVersionBody): Promise<TReportDetail> {
  return reviewReport(ctx, id, body.version, {
    action: 'accept',
    status: 'accepted',
    comment: '',
    history: (report) => `${report.year}年第${report.quarter}季度报告已采纳，完成进度 ${report.percentComplete}%`,
    also: async (tx, report) => {
      const later = await tx.progressReport.findFirst({
        where: {
          taskId: report.taskId,
          status: 'accepted',
          OR: [{ year: { gt: report.year } }, { year: report.year, quarter: { gt: report.quarter } }],
        },
        select: { id: true },
      });
      if (!later) await tx.task.updateMany({ where: { id: report.taskId }, data: { progress: report.percentComplete } });
    },
  });
}
