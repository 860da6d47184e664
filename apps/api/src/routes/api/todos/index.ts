import { ZId, ZTodo } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { completeTodo } from '../../../modules/comments/complete-todo.ts';
import { listTodos } from '../../../modules/comments/list-todos.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const todos: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { permission: 'todos:read' }, schema: { tags: ['comments'], summary: '待办：提及本单位的评论，待本人审批的调整申请', response: { 200: z.array(ZTodo), ...errorResponses } } },
    async (request) => listTodos(contextOf(request)),
  );
  app.post(
    '/:commentId/done',
    {
      config: { permission: 'todos:complete' },
      schema: {
        tags: ['comments'],
        summary: '标记待办已处理',
        params: z.strictObject({ commentId: ZId }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await completeTodo(contextOf(request), request.params.commentId);
      return reply.status(204).send(null);
    },
  );
};
export default todos;
