import { EVIDENCE_MAX_BYTES, ZEvidenceFile, ZId, ZIdParams } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, AppErrorCode, errorText } from '../../../errors.ts';
import { listEvidence } from '../../../modules/evidence/list-evidence.ts';
import { uploadEvidence } from '../../../modules/evidence/upload-evidence.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { receiveFile } from '../../multipart.ts';

const evidenceForm = {
  fileField: 'file',
  fields: ['milestoneId', 'reportId'],
  maxBytes: EVIDENCE_MAX_BYTES,
  noFile: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  tooLarge: { zh: '文件过大：佐证材料不能超过 20 MB', en: 'The file is too large (at most 20 MB)' },
} as const;

/** /api/tasks/:id/evidence — multipart with a `file` and an optional `milestoneId` or `reportId` (a quarterly report's evidence). */
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
      const { filename, content, fields } = await receiveFile(request, evidenceForm);
      const milestone = fields.milestoneId ? ZId.safeParse(fields.milestoneId) : null;
      if (milestone && !milestone.success) {
        throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
          fields: [{ path: 'milestoneId', message: { zh: '节点编号无效', en: 'Invalid milestone id' } }],
        });
      }
      const milestoneId = milestone?.data ?? null;
      const report = fields.reportId ? ZId.safeParse(fields.reportId) : null;
      if (report && !report.success) {
        throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
          fields: [{ path: 'reportId', message: { zh: '报告编号无效', en: 'Invalid report id' } }],
        });
      }
      const reportId = report?.data ?? null;
      const saved = await uploadEvidence(ctx, app.filesDir, request.params.id, { filename, content, milestoneId, reportId });
      return reply.status(201).send(saved);
    },
  );
};
export default taskEvidence;
