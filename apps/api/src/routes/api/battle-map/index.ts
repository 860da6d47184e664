import { ZBattleMap, ZBattleMapQuery } from '@reform/contracts';
import { constants } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadBattleMap } from '../../../modules/battle-map/load-battle-map.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const battleMap: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'tasks:read' },
      // 221 KB of JSON at the demo's 330 tasks, 1.3 MB at 2,000: brotli at quality 4 sends 28 KB and
      // 117 KB for a few milliseconds (docs/benchmarks.md); small answers go as they are.
      compress: { encodings: ['br', 'gzip'], threshold: 2048, brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } } },
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
