import { ZCurrentUser, ZLoginBody } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUserOf } from '../../../modules/auth/current-user.ts';
import { logIn } from '../../../modules/auth/log-in.ts';
import { errorResponses } from '../../errors.ts';
import { contextOf } from '../../context.ts';

const auth: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      config: { permission: 'auth:login' },
      schema: { tags: ['auth'], summary: '登录', body: ZLoginBody, response: { 200: ZCurrentUser, ...errorResponses } },
    },
    async (request, reply) => {
      const userId = await logIn(app.db, request.body);
      return currentUserOf(await app.startSession(reply, userId));
    },
  );

  app.post(
    '/logout',
    { config: { permission: 'auth:logout' }, schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } } },
    async (request, reply) => {
      await app.endSession(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    { config: { permission: 'auth:me' }, schema: { tags: ['auth'], summary: '当前用户及其权限', response: { 200: ZCurrentUser, ...errorResponses } } },
    async (request) => currentUserOf(contextOf(request).user),
  );
};
export default auth;
