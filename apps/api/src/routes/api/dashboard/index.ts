import { ZDashboard, ZDashboardQuery } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportDashboard } from '../../../modules/figures/export-dashboard.ts';
import { getDashboard } from '../../../modules/figures/get-dashboard.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendXlsx, xlsxResponse } from '../../xlsx.ts';

const dashboard: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        tags: ['figures'],
        summary: '总览看板：各项指标（含定义、环比、近 8 季度趋势）、红黄灯任务、近 30 天到期节点、逾期最多的单位',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard, ...errorResponses },
      },
    },
    async (request) => getDashboard(contextOf(request), request.query),
  );
  app.get(
    '/export.xlsx',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        tags: ['figures'],
        summary: '总览看板导出（Excel；筛选条件与数字同总览看板）',
        querystring: ZDashboardQuery,
        produces: xlsxResponse.produces,
        response: { 200: xlsxResponse.ok, ...errorResponses },
      },
    },
    async (request, reply) => sendXlsx(reply, await exportDashboard(contextOf(request), request.query)),
  );
};
export default dashboard;
