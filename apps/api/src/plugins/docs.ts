import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ZUnitNode } from '@reform/contracts';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** One route as registered: what the document describes and what the fuzz tests send requests to. */
export interface RouteEntry {
  method: string;
  url: string;
  schema: FastifySchema & { consumes?: string[] };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, in registration order (HEAD, answered by the GET handlers, excluded). */
    routeEntries: RouteEntry[];
  }
}

/**
 * Schemas the document names as components. A recursive schema must be here: without a name its
 * `$ref` points at a component nobody defines (openapi.test.ts validates the whole document).
 */
const components = z.registry<{ id?: string }>();
components.add(ZUnitNode, { id: 'UnitNode' });

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export const docs = fp(async (app: FastifyInstance) => {
  const entries: RouteEntry[] = [];
  app.decorate('routeEntries', entries);
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      // Fastify serves HEAD with the GET handler it adds beside each GET route.
      if (method === 'HEAD') continue;
      entries.push({ method, url: route.url, schema: (route.schema ?? {}) as RouteEntry['schema'] });
    }
  });
  await app.register(swagger, {
    openapi: {
      info: { title: '改革任务全周期管理系统 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'reform_sid' } } },
      security: [{ session: [] }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry: components }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: components }),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
