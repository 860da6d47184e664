import { ZAdjustment, ZAdjustmentDecisionBody, ZIdParams } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideAdjustment } from '../../../modules/timetable/decide-adjustment.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const adjustments: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/decision',
    {
      config: { permission: 'timetable:plan' },
      schema: {
        tags: ['timetable'],
        summary: '审批时间表调整申请',
        params: ZIdParams,
        body: ZAdjustmentDecisionBody,
        response: { 200: ZAdjustment, ...errorResponses },
      },
    },
    async (request) => decideAdjustment(contextOf(request), request.params.id, request.body),
  );
};
export default adjustments;
