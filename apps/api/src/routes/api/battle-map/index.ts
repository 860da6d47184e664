import { ZBattleMap, ZBattleMapQuery } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadBattleMap } from '../../../modules/battle-map/load-battle-map.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const battleMap: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'tasks:read' },
      schema: {
        tags: ['tasks'],
        summary: '挂图作战：范围内全部任务的时间表、基线、节点与状态灯',
        querystring: ZBattleMapQuery,
        response: { 200: ZBattleMap, ...errorResponses },
      },
    },
    async (request) => loadBattleMap(contextOf(request), request.query),
  );
};
export default battleMap;
