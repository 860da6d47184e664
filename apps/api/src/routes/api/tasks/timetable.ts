import {
  ZAdjustment,
  ZAdjustmentCreateBody,
  ZIdParams,
  ZMilestoneCompleteBody,
  ZMilestonesPutBody,
  ZTaskDetail,
  ZVersionBody,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveBaseline } from '../../../modules/timetable/approve-baseline.ts';
import { completeMilestone } from '../../../modules/timetable/complete-milestone.ts';
import { replaceMilestones } from '../../../modules/timetable/replace-milestones.ts';
import { listAdjustments } from '../../../modules/timetable/list-adjustments.ts';
import { requestAdjustment } from '../../../modules/timetable/request-adjustment.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/tasks/:id/… — the timetable's lifecycle: milestones, baseline, completion, adjustment requests. */
const taskTimetable: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/:id/milestones',
    {
      config: { permission: 'timetable:plan' },
      schema: {
        tags: ['timetable'],
        summary: '修改时间节点（时间表审定前）',
        params: ZIdParams,
        body: ZMilestonesPutBody,
        response: { 200: ZTaskDetail, ...errorResponses },
      },
    },
    async (request) => replaceMilestones(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/baseline',
    {
      config: { permission: 'timetable:plan' },
      schema: {
        tags: ['timetable'],
        summary: '审定时间表，冻结基线',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZTaskDetail, ...errorResponses },
      },
    },
    async (request) => approveBaseline(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/:id/milestones/:milestoneId/complete',
    {
      config: { permission: 'timetable:report' },
      schema: {
        tags: ['timetable'],
        summary: '标记节点完成（逾期完成记为逾期）',
        params: z.strictObject({ id: z.coerce.number().int().positive(), milestoneId: z.coerce.number().int().positive() }),
        body: ZMilestoneCompleteBody,
        response: { 200: ZTaskDetail, ...errorResponses },
      },
    },
    async (request) => completeMilestone(contextOf(request), request.params.id, request.params.milestoneId, request.body),
  );

  app.get(
    '/:id/adjustments',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['timetable'], summary: '调整申请', params: ZIdParams, response: { 200: z.array(ZAdjustment), ...errorResponses } },
    },
    async (request) => listAdjustments(contextOf(request), request.params.id),
  );

  app.post(
    '/:id/adjustments',
    {
      config: { permission: 'timetable:report' },
      schema: {
        tags: ['timetable'],
        summary: '提交时间表调整申请',
        params: ZIdParams,
        body: ZAdjustmentCreateBody,
        response: { 201: ZAdjustment, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await requestAdjustment(contextOf(request), request.params.id, request.body)),
  );
};
export default taskTimetable;
