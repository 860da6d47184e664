import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, AppErrorCode, errorText } from '../errors.ts';

/**
 * Serves the built web app from the same port as the API. Unknown /api paths answer a JSON
 * 404; any other GET gets index.html so that client-side routes survive a reload.
 */
export const spa = fp<{ webDist: string | null }>(async (app: FastifyInstance, { webDist }) => {
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && hasWeb && !request.url.startsWith('/api')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError(AppErrorCode.NotFound, errorText.routeNotFound);
  });
});
