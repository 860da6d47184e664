import {
  ZIdParams,
  ZReportContribution,
  ZReportContributionBody,
  ZReportDetail,
  ZReportDiff,
  ZReportDiffQuery,
  ZReportList,
  ZReportListQuery,
  ZReportReturnBody,
  ZReportSaveBody,
  ZReportSaved,
  ZReportVersionBody,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptReport } from '../../../modules/reports/accept-report.ts';
import { getReport } from '../../../modules/reports/get-report.ts';
import { getReportDiff } from '../../../modules/reports/get-report-diff.ts';
import { listReports } from '../../../modules/reports/list-reports.ts';
import { returnReport } from '../../../modules/reports/return-report.ts';
import { saveContribution } from '../../../modules/reports/save-contribution.ts';
import { saveReport } from '../../../modules/reports/save-report.ts';
import { submitReport } from '../../../modules/reports/submit-report.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/reports — quarterly progress reports: fill, submit, review. */
const reports: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'reports:read' },
      schema: { tags: ['reports'], summary: '季度报告清单', querystring: ZReportListQuery, response: { 200: ZReportList, ...errorResponses } },
    },
    async (request) => listReports(contextOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'reports:read' },
      schema: { tags: ['reports'], summary: '季度报告（含系统已记录的事实）', params: ZIdParams, response: { 200: ZReportDetail, ...errorResponses } },
    },
    async (request) => getReport(contextOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'reports:write' },
      schema: { tags: ['reports'], summary: '保存报告草稿', params: ZIdParams, body: ZReportSaveBody, response: { 200: ZReportSaved, ...errorResponses } },
    },
    async (request) => saveReport(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/submit',
    {
      config: { permission: 'reports:write' },
      schema: { tags: ['reports'], summary: '报送报告', params: ZIdParams, body: ZReportVersionBody, response: { 200: ZReportDetail, ...errorResponses } },
    },
    async (request) => submitReport(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/return',
    {
      config: { permission: 'reports:review' },
      schema: { tags: ['reports'], summary: '退回报告（须填写意见）', params: ZIdParams, body: ZReportReturnBody, response: { 200: ZReportDetail, ...errorResponses } },
    },
    async (request) => returnReport(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/accept',
    {
      config: { permission: 'reports:review' },
      schema: { tags: ['reports'], summary: '采纳报告', params: ZIdParams, body: ZReportVersionBody, response: { 200: ZReportDetail, ...errorResponses } },
    },
    async (request) => acceptReport(contextOf(request), request.params.id, request.body),
  );

  app.put(
    '/:id/contribution',
    {
      config: { permission: 'reports:write' },
      schema: {
        tags: ['reports'],
        summary: '配合单位填写配合情况',
        params: ZIdParams,
        body: ZReportContributionBody,
        response: { 200: ZReportContribution, ...errorResponses },
      },
    },
    async (request) => saveContribution(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/diff',
    {
      config: { permission: 'reports:read' },
      schema: { tags: ['reports'], summary: '两次报送的差异', params: ZIdParams, querystring: ZReportDiffQuery, response: { 200: ZReportDiff, ...errorResponses } },
    },
    async (request) => getReportDiff(contextOf(request), request.params.id, request.query),
  );
};
export default reports;
