import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, AppErrorCode, errorText } from '../errors.ts';

/** Files under assets/ carry a content hash in their name, so a deploy never reuses a name. */
const immutable = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated, so a deploy reaches every user at once. */
const revalidate = 'no-cache';

/**
 * Serves the built web app from the same port as the API, sending the brotli or gzip file the
 * build wrote beside each asset. Unknown /api paths answer a JSON 404; any other GET gets
 * index.html so that client-side routes survive a reload.
 */
export const spa = fp<{ webDist: string | null }>(async (app: FastifyInstance, { webDist }) => {
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    const assets = join(webDist, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.startsWith(assets) ? immutable : revalidate);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && hasWeb && !request.url.startsWith('/api')) {
      return reply.sendFile('index.html');
    }
    throw new AppError(AppErrorCode.NotFound, errorText.routeNotFound);
  });
});
