import { ZIdParams } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { openEvidence } from '../../../modules/evidence/open-evidence.ts';
import { contextOf } from '../../context.ts';

const evidence: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/download',
    { config: { permission: 'tasks:read' }, schema: { tags: ['evidence'], summary: '下载佐证材料（总是作为附件）', params: ZIdParams } },
    async (request, reply) => {
      const { file, stream } = await openEvidence(contextOf(request), app.filesDir, request.params.id);
      // Always an attachment, never rendered inline: an uploaded file cannot run in our origin.
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('content-length', String(file.size))
        .send(stream);
    },
  );
};
export default evidence;
