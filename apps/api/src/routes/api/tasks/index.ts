import {
  ZIdParams,
  ZTaskCreateBody,
  ZTaskDetail,
  ZTaskFacets,
  ZTaskListQuery,
  ZTaskListResponse,
  ZTaskUpdateBody,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTask } from '../../../modules/tasks/create-task.ts';
import { getTask } from '../../../modules/tasks/get-task.ts';
import { listTaskFacets } from '../../../modules/tasks/list-task-facets.ts';
import { listTasks } from '../../../modules/tasks/list-tasks.ts';
import { updateTask } from '../../../modules/tasks/update-task.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';

const tasks: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['tasks'], summary: '任务清单', querystring: ZTaskListQuery, response: { 200: ZTaskListResponse, ...errorResponses } },
    },
    async (request) => listTasks(contextOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'tasks:create' },
      schema: { tags: ['tasks'], summary: '新建任务（编号自动生成）', body: ZTaskCreateBody, response: { 201: ZTaskDetail, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createTask(contextOf(request), request.body)),
  );

  app.get(
    '/facets',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['tasks'], summary: '筛选项（领域、年度）', response: { 200: ZTaskFacets, ...errorResponses } },
    },
    async (request) => listTaskFacets(contextOf(request)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['tasks'], summary: '任务详情', params: ZIdParams, response: { 200: ZTaskDetail, ...errorResponses } },
    },
    async (request) => getTask(contextOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'tasks:update' },
      schema: {
        tags: ['tasks'],
        summary: '修改任务（须带所编辑的版本号；版本过期返回 409 与最新记录）',
        params: ZIdParams,
        body: ZTaskUpdateBody,
        response: { 200: ZTaskDetail, ...errorResponses },
      },
    },
    async (request) => updateTask(contextOf(request), request.params.id, request.body),
  );
};
export default tasks;
