import { ZUnitTree, ZUnitsQuery } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mayAssignUnit } from '../../../access/policy.ts';
import { listUnits } from '../../../modules/units/list-units.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const units: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'units:read' },
      schema: {
        tags: ['units'],
        summary: '组织机构树（assignable=lead：本人可指定为牵头单位的单位）',
        querystring: ZUnitsQuery,
        response: { 200: ZUnitTree, ...errorResponses },
      },
    },
    async (request) => {
      const { db, user } = contextOf(request);
      return request.query.assignable === 'lead' ? listUnits(db, (unit) => mayAssignUnit(user, unit.path)) : listUnits(db);
    },
  );
};
export default units;
