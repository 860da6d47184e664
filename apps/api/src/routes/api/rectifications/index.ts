import {
  EVIDENCE_MAX_BYTES,
  ZEvidenceFile,
  ZIdParams,
  ZRectification,
  ZRectificationCloseBody,
  ZRectificationListQuery,
  ZRectificationPage,
  ZRectificationReopenBody,
  ZRectificationRespondBody,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeRectification } from '../../../modules/supervision/close-rectification.ts';
import { getRectification } from '../../../modules/supervision/get-rectification.ts';
import { listRectifications } from '../../../modules/supervision/list-rectifications.ts';
import { reopenRectification } from '../../../modules/supervision/reopen-rectification.ts';
import { respondRectification } from '../../../modules/supervision/respond-rectification.ts';
import { uploadRectificationEvidence } from '../../../modules/supervision/upload-rectification-evidence.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { receiveFile } from '../../multipart.ts';

const evidenceForm = {
  fileField: 'file',
  fields: [],
  maxBytes: EVIDENCE_MAX_BYTES,
  noFile: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  tooLarge: { zh: '文件过大：佐证材料不能超过 20 MB', en: 'The file is too large (at most 20 MB)' },
} as const;

/** /api/rectifications — list, respond (owner unit), close (销号) and reopen (inspecting office). */
const rectifications: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'supervision:read' },
      schema: { tags: ['supervision'], summary: '整改事项', querystring: ZRectificationListQuery, response: { 200: ZRectificationPage, ...errorResponses } },
    },
    async (request) => listRectifications(contextOf(request), request.query),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'supervision:read' },
      schema: { tags: ['supervision'], summary: '整改事项详情', params: ZIdParams, response: { 200: ZRectification, ...errorResponses } },
    },
    async (request) => getRectification(contextOf(request), request.params.id),
  );
  app.post(
    '/:id/respond',
    {
      config: { permission: 'supervision:respond' },
      schema: { tags: ['supervision'], summary: '反馈整改情况', params: ZIdParams, body: ZRectificationRespondBody, response: { 200: ZRectification, ...errorResponses } },
    },
    async (request) => respondRectification(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/close',
    {
      config: { permission: 'supervision:inspect' },
      schema: { tags: ['supervision'], summary: '整改事项销号', params: ZIdParams, body: ZRectificationCloseBody, response: { 200: ZRectification, ...errorResponses } },
    },
    async (request) => closeRectification(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/reopen',
    {
      config: { permission: 'supervision:inspect' },
      schema: { tags: ['supervision'], summary: '重新打开整改事项', params: ZIdParams, body: ZRectificationReopenBody, response: { 200: ZRectification, ...errorResponses } },
    },
    async (request) => reopenRectification(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/evidence',
    {
      config: { permission: 'supervision:respond' },
      schema: {
        tags: ['supervision'],
        summary: '上传整改佐证材料',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZEvidenceFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, content } = await receiveFile(request, evidenceForm);
      return reply.status(201).send(await uploadRectificationEvidence(contextOf(request), app.filesDir, request.params.id, { filename, content }));
    },
  );
};
export default rectifications;
