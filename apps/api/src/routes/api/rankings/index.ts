import {
  ZId,
  ZRankingAppeal,
  ZRankingAppealCreate,
  ZRankingAppealDecision,
  ZRankingAppealList,
  ZRankingAppealQuery,
  ZRankingPublishBody,
  ZRankingQuery,
  ZRankingResponse,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRankingAppeal } from '../../../modules/rankings/create-ranking-appeal.ts';
import { decideRankingAppeal } from '../../../modules/rankings/decide-ranking-appeal.ts';
import { exportRanking } from '../../../modules/rankings/export-ranking.ts';
import { getRanking } from '../../../modules/rankings/get-ranking.ts';
import { listRankingAppeals } from '../../../modules/rankings/list-ranking-appeals.ts';
import { publishRanking } from '../../../modules/rankings/publish-ranking.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendXlsx, xlsxResponse } from '../../xlsx.ts';

const rankings: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'rankings:read' },
      schema: { tags: ['rankings'], summary: '晾晒比拼：某组单位某季度（或年度累计）的排名、公式与事实', querystring: ZRankingQuery, response: { 200: ZRankingResponse, ...errorResponses } },
    },
    async (request) => getRanking(contextOf(request), request.query),
  );
  app.get(
    '/export.xlsx',
    {
      config: { permission: 'rankings:read' },
      schema: {
        tags: ['rankings'],
        summary: '晾晒比拼导出（Excel；与同一查询的排名相同：排名表、计分事实、计分办法）',
        querystring: ZRankingQuery,
        produces: xlsxResponse.produces,
        response: { 200: xlsxResponse.ok, ...errorResponses },
      },
    },
    async (request, reply) => sendXlsx(reply, await exportRanking(contextOf(request), request.query)),
  );
  app.post(
    '/publish',
    {
      config: { permission: 'rankings:publish' },
      schema: { tags: ['rankings'], summary: '发布排名（存为新版本；须带所见的最新版本号）', body: ZRankingPublishBody, response: { 200: ZRankingResponse, ...errorResponses } },
    },
    async (request) => publishRanking(contextOf(request), request.body),
  );
  app.get(
    '/appeals',
    {
      config: { permission: 'rankings:read' },
      schema: { tags: ['rankings'], summary: '排名申诉列表（单位只见本单位的）', querystring: ZRankingAppealQuery, response: { 200: ZRankingAppealList, ...errorResponses } },
    },
    async (request) => listRankingAppeals(contextOf(request), request.query.status),
  );
  app.post(
    '/appeals',
    {
      config: { permission: 'rankings:appeal' },
      schema: { tags: ['rankings'], summary: '对本单位排名中的一项事实提出申诉', body: ZRankingAppealCreate, response: { 201: ZRankingAppeal, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createRankingAppeal(contextOf(request), request.body)),
  );
  app.post(
    '/appeals/:id/decision',
    {
      config: { permission: 'rankings:decide-appeal' },
      schema: {
        tags: ['rankings'],
        summary: '采纳（剔除或更正事实并重新计算为新版本）或不采纳申诉',
        params: z.strictObject({ id: ZId }),
        body: ZRankingAppealDecision,
        response: { 200: ZRankingAppeal, ...errorResponses },
      },
    },
    async (request) => decideRankingAppeal(contextOf(request), request.params.id, request.body),
  );
};
export default rankings;
