import { ZIdParams, ZRoundReminders } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { remindRoundUnits } from '../../../modules/reminders/remind-round-units.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** POST /api/report-rounds/:id/reminders — 一键催报: remind the units whose reports are missing. */
const roundReminders: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/reminders',
    {
      config: { permission: 'reminders:send' },
      schema: { tags: ['reminders'], summary: '一键催报：提醒尚未报送的单位（同一单位同一天只提醒一次）', params: ZIdParams, response: { 200: ZRoundReminders, ...errorResponses } },
    },
    async (request) => remindRoundUnits(contextOf(request), request.params.id, app.reminderChannels),
  );
};
export default roundReminders;
