import { ZSetting, ZSettingPutBody, zText } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listSettings } from '../../../modules/settings/list-settings.ts';
import { saveSetting } from '../../../modules/settings/save-setting.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const settings: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { permission: 'settings:manage' }, schema: { tags: ['settings'], summary: '系统设置', response: { 200: z.array(ZSetting), ...errorResponses } } },
    async (request) => listSettings(contextOf(request)),
  );
  app.put(
    '/:key',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['settings'],
        summary: '修改一项设置（须带版本号）',
        params: z.strictObject({ key: zText(50) }),
        body: ZSettingPutBody,
        response: { 200: ZSetting, ...errorResponses },
      },
    },
    async (request) => saveSetting(contextOf(request), request.params.key, request.body.version, request.body.value),
  );
};
export default settings;
