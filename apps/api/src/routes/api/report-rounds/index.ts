import { ZIdParams, ZReportBoard, ZReportRound, ZReportRoundList, ZReportRoundOpenBody } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportReportBoard } from '../../../modules/reports/export-report-board.ts';
import { getReportBoard } from '../../../modules/reports/get-report-board.ts';
import { getReportRound } from '../../../modules/reports/get-report-round.ts';
import { listReportRounds } from '../../../modules/reports/list-report-rounds.ts';
import { openReportRound } from '../../../modules/reports/open-report-round.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendXlsx, xlsxResponse } from '../../xlsx.ts';


/** /api/report-rounds — the quarterly reporting rounds (一季度一报) and their boards. */
const reportRounds: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'report-rounds:read' },
      schema: { tags: ['reports'], summary: '季度报告轮次', response: { 200: ZReportRoundList, ...errorResponses } },
    },
    async (request) => listReportRounds(contextOf(request)),
  );

  app.post(
    '/',
    {
      config: { permission: 'report-rounds:open' },
      schema: { tags: ['reports'], summary: '开启季度报告轮次', body: ZReportRoundOpenBody, response: { 201: ZReportRound, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await openReportRound(contextOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'report-rounds:read' },
      schema: { tags: ['reports'], summary: '季度报告轮次详情', params: ZIdParams, response: { 200: ZReportRound, ...errorResponses } },
    },
    async (request) => getReportRound(contextOf(request), request.params.id),
  );

  app.get(
    '/:id/board',
    {
      config: { permission: 'report-rounds:read' },
      schema: { tags: ['reports'], summary: '报送情况看板（按单位）', params: ZIdParams, response: { 200: ZReportBoard, ...errorResponses } },
    },
    async (request) => getReportBoard(contextOf(request), request.params.id),
  );

  app.get(
    '/:id/board.xlsx',
    {
      config: { permission: 'report-rounds:read' },
      schema: {
        tags: ['reports'],
        summary: '报送情况看板导出（Excel）',
        params: ZIdParams,
        produces: xlsxResponse.produces,
        response: { 200: xlsxResponse.ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      return sendXlsx(reply, await exportReportBoard(contextOf(request), request.params.id));
    },
  );
};
export default reportRounds;
