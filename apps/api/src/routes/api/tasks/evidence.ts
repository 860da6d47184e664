import { ZEvidenceFile, ZIdParams } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, AppErrorCode, errorText } from '../../../errors.ts';
import { listEvidence } from '../../../modules/evidence/read-evidence.ts';
import { uploadEvidence } from '../../../modules/evidence/upload-evidence.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/tasks/:id/evidence — multipart with a `file` and an optional `milestoneId`. */
const taskEvidence: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/evidence',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['evidence'], summary: '佐证材料', params: ZIdParams, response: { 200: z.array(ZEvidenceFile), ...errorResponses } },
    },
    async (request) => listEvidence(contextOf(request), request.params.id),
  );

  app.post(
    '/:id/evidence',
    {
      config: { permission: 'evidence:upload' },
      schema: {
        tags: ['evidence'],
        summary: '上传佐证材料（按内容判断类型）',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZEvidenceFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      let content: Buffer | null = null;
      let filename = '';
      let milestoneId: number | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'file' && part.fieldname === 'file' && content === null) {
          filename = part.filename;
          content = await part.toBuffer();
        } else if (part.type === 'file') {
          await part.toBuffer();
        } else if (part.fieldname === 'milestoneId' && part.value !== '') {
          milestoneId = Number(part.value);
          if (!Number.isInteger(milestoneId) || milestoneId <= 0) {
            throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
              fields: [{ path: 'milestoneId', message: { zh: '节点编号无效', en: 'Invalid milestone id' } }],
            });
          }
        }
      }
      if (!content || content.length === 0) {
        throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
          fields: [{ path: 'file', message: { zh: '请选择要上传的文件', en: 'Choose a file to upload' } }],
        });
      }
      const saved = await uploadEvidence(ctx, app.filesDir, request.params.id, { filename, content, milestoneId });
      return reply.status(201).send(saved);
    },
  );
};
export default taskEvidence;
