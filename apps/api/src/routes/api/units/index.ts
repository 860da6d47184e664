import { ZUnitTree, ZUnitsQuery } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mayAssignUnit } from '../../../access/policy.ts';
import { listMentionableUnits } from '../../../modules/units/list-mentionable-units.ts';
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
        summary: '组织机构树（assignable=lead：本人可指定为牵头单位的单位；assignable=mention&taskId：本人可在该任务评论中提及的单位）',
        querystring: ZUnitsQuery,
        response: { 200: ZUnitTree, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { assignable, taskId } = request.query;
      if (assignable === 'mention' && taskId !== undefined) return listMentionableUnits(ctx, taskId);
      return assignable === 'lead' ? listUnits(ctx.db, (unit) => mayAssignUnit(ctx.user, unit.path)) : listUnits(ctx.db);
    },
  );
};
export default units;
