import { ZReminderListQuery, ZReminderPage } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listReminders } from '../../../modules/reminders/list-reminders.ts';
import { runReminders } from '../../../modules/reminders/run-reminders.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/reminders — the log of reminders sent (reform offices), and sending today's due ones now. */
const reminders: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'reminders:read' },
      schema: { tags: ['reminders'], summary: '提醒发送记录', querystring: ZReminderListQuery, response: { 200: ZReminderPage, ...errorResponses } },
    },
    async (request) => listReminders(contextOf(request), request.query),
  );
  app.post(
    '/run',
    {
      config: { permission: 'reminders:send' },
      schema: {
        tags: ['reminders'],
        summary: '立即发送今天到期的提醒（同一事项同一天只发一次）',
        response: { 200: z.object({ sent: z.number().int(), busy: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => runReminders(contextOf(request), app.reminderChannels),
  );
};
export default reminders;
