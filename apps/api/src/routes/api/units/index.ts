import { ZUnitTree } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listUnits } from '../../../modules/units/list-units.ts';
import { errorResponses } from '../../errors.ts';

const units: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { permission: 'units:read' }, schema: { tags: ['units'], summary: '组织机构树', response: { 200: ZUnitTree, ...errorResponses } } },
    async () => listUnits(app.db),
  );
};
export default units;
