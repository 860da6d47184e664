import {
  ZErrorBody,
  ZQuarterlyReportOverview,
  ZQuarterlyReportParams,
  ZQuarterlyReportQuery,
  ZQuarterlyReportStatus,
  ZQuarterlyReportStatusQuery,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getQuarterlyReport } from '../../../modules/quarterly-reports/get-quarterly-report.ts';
import { listQuarterlyReports } from '../../../modules/quarterly-reports/list-quarterly-reports.ts';
import { quarterlyReportStatus } from '../../../modules/quarterly-reports/quarterly-report-status.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/quarterly-reports: the quarterly report (季度报告) as PDF and Word, cached per quarter, scope and data version. */
const quarterlyReports: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'quarterly-report:read' },
      schema: {
        tags: ['quarterly-reports'],
        summary: '季度报告：可选季度、可选范围、已生成的报告（生成人、时间）',
        response: { 200: ZQuarterlyReportOverview, ...errorResponses },
      },
    },
    async (request) => listQuarterlyReports(contextOf(request)),
  );

  app.get(
    '/status',
    {
      config: { permission: 'quarterly-report:read' },
      schema: {
        tags: ['quarterly-reports'],
        summary: '季度报告生成进度（尚未生成则开始生成；生成完毕后从 href 下载）',
        querystring: ZQuarterlyReportStatusQuery,
        response: { 200: ZQuarterlyReportStatus, 422: ZErrorBody, 503: ZErrorBody, ...errorResponses },
      },
    },
    async (request) => quarterlyReportStatus(contextOf(request), request.query),
  );

  app.get(
    '/:name',
    {
      config: { permission: 'quarterly-report:read' },
      schema: {
        tags: ['quarterly-reports'],
        summary: '下载季度报告：/api/quarterly-reports/2026-Q3.pdf 或 .docx（?scope=city|county:<id>|group:<id>）',
        params: ZQuarterlyReportParams,
        querystring: ZQuarterlyReportQuery,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: z.any().describe('PDF 或 Word 文件'), 422: ZErrorBody, 503: ZErrorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await getQuarterlyReport(contextOf(request), request.params.name, request.query);
      const ascii = report.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', report.contentType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(report.filename)}`)
        .header('cache-control', 'private, no-cache')
        .header('x-report-cache', report.cached ? 'hit' : 'miss')
        .send(report.content);
    },
  );
};
export default quarterlyReports;
