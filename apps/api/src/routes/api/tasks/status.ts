import { ZIdParams, ZTaskDetail, ZTaskStatusBody } from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeTaskStatus } from '../../../modules/tasks/change-task-status.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

/** /api/tasks/:id/status — 启动 / 暂停 / 恢复推进 / 标记完成 / 销号, with a reason. */
const taskStatus: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/status',
    {
      config: { permission: 'tasks:status' },
      schema: {
        tags: ['tasks'],
        summary: '改变任务状态（暂停、恢复推进、标记完成、销号等；暂停与销号须说明理由；版本过期返回 409）',
        params: ZIdParams,
        body: ZTaskStatusBody,
        response: { 200: ZTaskDetail, ...errorResponses },
      },
    },
    async (request) => changeTaskStatus(contextOf(request), request.params.id, request.body),
  );
};
export default taskStatus;
