import {
  ZCreated,
  ZIdParams,
  ZInspection,
  ZInspectionCreateBody,
  ZInspectionListQuery,
  ZInspectionPage,
  ZRectificationCreateBody,
  ZRectificationCreated,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addRectification } from '../../../modules/supervision/add-rectification.ts';
import { createInspection } from '../../../modules/supervision/create-inspection.ts';
import { getInspection } from '../../../modules/supervision/get-inspection.ts';
import { listInspections } from '../../../modules/supervision/list-inspections.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/inspections — 督察 and the rectification items (整改事项) its findings become. */
const inspections: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'supervision:read' },
      schema: { tags: ['supervision'], summary: '督察记录', querystring: ZInspectionListQuery, response: { 200: ZInspectionPage, ...errorResponses } },
    },
    async (request) => listInspections(contextOf(request), request.query),
  );
  app.post(
    '/',
    {
      config: { permission: 'supervision:inspect' },
      schema: { tags: ['supervision'], summary: '记录督察', body: ZInspectionCreateBody, response: { 201: ZCreated, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createInspection(contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'supervision:read' },
      schema: { tags: ['supervision'], summary: '督察详情及整改事项', params: ZIdParams, response: { 200: ZInspection, ...errorResponses } },
    },
    async (request) => getInspection(contextOf(request), request.params.id),
  );
  app.post(
    '/:id/rectifications',
    {
      config: { permission: 'supervision:inspect' },
      schema: {
        tags: ['supervision'],
        summary: '下发整改事项',
        params: ZIdParams,
        body: ZRectificationCreateBody,
        response: { 201: ZRectificationCreated, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addRectification(contextOf(request), request.params.id, request.body)),
  );
};
export default inspections;
