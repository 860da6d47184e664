import { ZComment, ZCommentCreateBody, ZIdParams } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addComment } from '../../../modules/comments/add-comment.ts';
import { listComments } from '../../../modules/comments/list-comments.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/tasks/:id/comments */
const taskComments: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/comments',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['comments'], summary: '任务评论', params: ZIdParams, response: { 200: z.array(ZComment), ...errorResponses } },
    },
    async (request) => listComments(contextOf(request), request.params.id),
  );
  app.post(
    '/:id/comments',
    {
      config: { permission: 'comments:write' },
      schema: {
        tags: ['comments'],
        summary: '发表评论（可提及单位，进入其待办）',
        params: ZIdParams,
        body: ZCommentCreateBody,
        response: { 201: ZComment, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addComment(contextOf(request), request.params.id, request.body)),
  );
};
export default taskComments;
