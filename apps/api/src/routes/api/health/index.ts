import { ZHealth } from '@reform/contracts';
import { latestAppliedMigration } from '@reform/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { permission: 'health:read' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: ZHealth } } },
    async () => ({ status: 'ok' as const, database: app.db.kind, migration: await latestAppliedMigration(app.db) }),
  );
};
export default health;
