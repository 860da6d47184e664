import { ZPhaseTemplate, ZTimetablePreview, ZTimetablePreviewBody } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { previewTimetable } from '../../../modules/tasks/preview-timetable.ts';
import { listPhaseTemplates } from '../../../modules/timetable/list-phase-templates.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const timetable: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/templates',
    {
      config: { permission: 'timetable:plan' },
      schema: { tags: ['timetable'], summary: '阶段模板', response: { 200: z.array(ZPhaseTemplate), ...errorResponses } },
    },
    async (request) => listPhaseTemplates(contextOf(request)),
  );
  app.post(
    '/preview',
    {
      config: { permission: 'timetable:plan' },
      schema: {
        tags: ['timetable'],
        summary: '倒排工期：按模板从完成时限倒推节点',
        body: ZTimetablePreviewBody,
        response: { 200: ZTimetablePreview, ...errorResponses },
      },
    },
    async (request) => previewTimetable(contextOf(request), request.body),
  );
};
export default timetable;
