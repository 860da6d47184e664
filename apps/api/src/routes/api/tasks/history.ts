import { ZHistoryEntry, ZIdParams } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getTaskHistory } from '../../../modules/history/get-task-history.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/tasks/:id/history — the task's audit log told in words. */
const taskHistory: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/history',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['tasks'], summary: '变更历史', params: ZIdParams, response: { 200: z.array(ZHistoryEntry), ...errorResponses } },
    },
    async (request) => getTaskHistory(contextOf(request), request.params.id),
  );
};
export default taskHistory;
