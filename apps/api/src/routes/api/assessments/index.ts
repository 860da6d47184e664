import {
  ZAssessmentImportQuery,
  ZAssessmentImportResult,
  ZAssessmentItemBody,
  ZAssessmentItemDeleteBody,
  ZAssessmentItemParams,
  ZAssessmentItemPatchBody,
  ZAssessmentList,
  ZAssessmentListQuery,
  ZAssessmentSheet,
  ZAssessmentSheetParams,
  ZAssessmentYearParams,
  ZErrorBody,
} from '@reform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Bilingual } from '../../../errors.ts';
import { addAssessmentItem } from '../../../modules/assessment/add-assessment-item.ts';
import { deleteAssessmentItem } from '../../../modules/assessment/delete-assessment-item.ts';
import { exportAssessments } from '../../../modules/assessment/export-assessments.ts';
import { finaliseAssessmentYear } from '../../../modules/assessment/finalise-assessment-year.ts';
import { getAssessmentSheet } from '../../../modules/assessment/get-assessment-sheet.ts';
import { importAssessmentScores } from '../../../modules/assessment/import-assessment-scores.ts';
import { listAssessments } from '../../../modules/assessment/list-assessments.ts';
import { updateAssessmentItem } from '../../../modules/assessment/update-assessment-item.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendXlsx, xlsxResponse } from '../../xlsx.ts';
import { receiveFile } from '../../multipart.ts';

const noFile: Bilingual = { zh: '请上传 Excel 文件（表单字段 file，.xlsx 格式）', en: 'Upload the scores as the form field "file" (.xlsx)' };
const MAX_BYTES = 5 * 1024 * 1024;
const tooLarge: Bilingual = { zh: '文件过大：考评得分文件不能超过 5 MB', en: 'The file is too large (at most 5 MB)' };

/** /api/assessments: the annual assessment (年度考评, "100+20"). */
const assessments: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: ['assessment'],
        summary: '年度考评汇总（每个单位一行，按总分排名；市级部门与县市区分开）',
        querystring: ZAssessmentListQuery,
        response: { 200: ZAssessmentList, ...errorResponses },
      },
    },
    async (request) => listAssessments(contextOf(request), request.query),
  );

  app.get(
    '/:year/units/:unitId',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: ['assessment'],
        summary: '单位年度考评表（得分构成与全部条目）',
        params: ZAssessmentSheetParams,
        response: { 200: ZAssessmentSheet, ...errorResponses },
      },
    },
    async (request) => getAssessmentSheet(contextOf(request), request.params.year, request.params.unitId),
  );

  app.post(
    '/:year/units/:unitId/items',
    {
      config: { permission: 'assessment:manage' },
      schema: {
        tags: ['assessment'],
        summary: '新增考评条目（第三方评估、满意度、加分或扣分；分值以 0.01 分为单位）',
        params: ZAssessmentSheetParams,
        body: ZAssessmentItemBody,
        response: { 201: ZAssessmentSheet, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAssessmentItem(contextOf(request), request.params.year, request.params.unitId, request.body)),
  );

  app.patch(
    '/:year/units/:unitId/items/:itemId',
    {
      config: { permission: 'assessment:manage' },
      schema: {
        tags: ['assessment'],
        summary: '修改考评条目（须带版本号）',
        params: ZAssessmentItemParams,
        body: ZAssessmentItemPatchBody,
        response: { 200: ZAssessmentSheet, ...errorResponses },
      },
    },
    async (request) => updateAssessmentItem(contextOf(request), request.params.year, request.params.unitId, request.params.itemId, request.body),
  );

  app.delete(
    '/:year/units/:unitId/items/:itemId',
    {
      config: { permission: 'assessment:manage' },
      schema: {
        tags: ['assessment'],
        summary: '删除考评条目（须带版本号）',
        params: ZAssessmentItemParams,
        body: ZAssessmentItemDeleteBody,
        response: { 200: ZAssessmentSheet, ...errorResponses },
      },
    },
    async (request) =>
      deleteAssessmentItem(contextOf(request), request.params.year, request.params.unitId, request.params.itemId, request.body.version),
  );

  app.post(
    '/:year/import',
    {
      config: { permission: 'assessment:manage' },
      schema: {
        tags: ['assessment'],
        summary: '导入第三方评估、群众满意度得分（multipart：file 为 .xlsx，列：单位、第三方评估得分、群众满意度得分；dryRun=true 只检查）',
        consumes: ['multipart/form-data'],
        params: ZAssessmentYearParams,
        querystring: ZAssessmentImportQuery,
        response: {
          200: ZAssessmentImportResult,
          422: z.union([ZAssessmentImportResult, ZErrorBody]),
          413: ZErrorBody,
          415: ZErrorBody,
          503: ZErrorBody,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { content } = await receiveFile(request, { fileField: 'file', fields: [], maxBytes: MAX_BYTES, noFile, tooLarge });
      const outcome = await importAssessmentScores(ctx, request.params.year, content, request.query.dryRun === 'true');
      return reply.status(outcome.rejected ? 422 : 200).send(outcome.result);
    },
  );

  app.get(
    '/:year/export.xlsx',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: ['assessment'],
        summary: '年度考评导出（汇总表与条目明细，范围同汇总）',
        params: ZAssessmentYearParams,
        produces: xlsxResponse.produces,
        response: { 200: xlsxResponse.ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      return sendXlsx(reply, await exportAssessments(contextOf(request), request.params.year));
    },
  );

  app.post(
    '/:year/finalise',
    {
      config: { permission: 'assessment:manage' },
      schema: {
        tags: ['assessment'],
        summary: '年度考评定稿（之后该年度的任何修改都被拒绝）',
        params: ZAssessmentYearParams,
        response: { 200: z.object({ year: z.number().int(), finalised: z.object({ at: z.string(), by: z.string() }) }), ...errorResponses },
      },
    },
    async (request) => finaliseAssessmentYear(contextOf(request), request.params.year),
  );
};
export default assessments;
