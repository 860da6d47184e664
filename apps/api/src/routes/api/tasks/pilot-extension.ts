import { ZIdParams, ZPilotExtensionBody, ZTaskDetail } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { extendPilot } from '../../../modules/tasks/extend-pilot.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/tasks/:id/pilot-extension — 试点延期: a new end date with its reason; the deadline follows. */
const pilotExtension: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/pilot-extension',
    {
      config: { permission: 'tasks:extend-pilot' },
      schema: {
        tags: ['tasks'],
        summary: '试点延期（须说明理由；延期后的日期须晚于当前试点期限；完成时限随之顺延，基线保留；版本过期返回 409）',
        params: ZIdParams,
        body: ZPilotExtensionBody,
        response: { 200: ZTaskDetail, ...errorResponses },
      },
    },
    async (request) => extendPilot(contextOf(request), request.params.id, request.body),
  );
};
export default pilotExtension;
