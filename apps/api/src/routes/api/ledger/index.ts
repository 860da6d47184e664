import {
  TaskListEnum,
  ZErrorBody,
  ZLedgerCheckResult,
  ZLedgerExportQuery,
  ZLedgerImportQuery,
  ZLedgerImportResult,
  ZLedgerMapping,
  type TaskList,
  type TLedgerMapping,
} from '@reform/contracts';
import { parseListLabel } from '@reform/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, AppErrorCode, errorText, type Bilingual } from '../../../errors.ts';
import { exportLedger } from '../../../modules/ledger/export-ledger.ts';
import { importLedger } from '../../../modules/ledger/import-ledger.ts';
import { contextOf } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendXlsx, xlsxResponse } from '../../xlsx.ts';
import { receiveFile } from '../../multipart.ts';


const noFile: Bilingual = { zh: '请上传 Excel 台账文件（表单字段 file，.xlsx 格式）', en: 'Upload the ledger as the form field "file" (.xlsx)' };
const LEDGER_MAX_BYTES = 20 * 1024 * 1024;
const tooLarge: Bilingual = { zh: '文件过大：台账文件不能超过 20 MB', en: 'The file is too large (at most 20 MB)' };

const invalidField = (path: string, zh: string, en: string) =>
  new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en } }] });

interface ImportForm {
  file: Buffer;
  mapping?: TLedgerMapping;
  list?: TaskList;
}

/** Reads the multipart form of an import: the file, and the optional mapping and default list. */
async function readForm(request: FastifyRequest): Promise<ImportForm> {
  const { content, fields } = await receiveFile(request, {
    fileField: 'file',
    fields: ['mapping', 'list'],
    maxBytes: LEDGER_MAX_BYTES,
    noFile,
    tooLarge,
  });
  const form: ImportForm = { file: content };
  const mappingText = fields.mapping?.trim();
  if (mappingText) {
    let json: unknown;
    try {
      json = JSON.parse(mappingText);
    } catch {
      throw invalidField('mapping', '列对应关系（mapping）不是有效的 JSON', 'mapping is not valid JSON');
    }
    const mapping = ZLedgerMapping.safeParse(json);
    if (!mapping.success) {
      throw invalidField('mapping', `列对应关系（mapping）有误：${mapping.error.issues[0]?.message ?? ''}`, 'mapping is invalid');
    }
    form.mapping = mapping.data;
  }
  const listText = fields.list?.trim();
  if (listText) {
    const list = TaskListEnum.schema.safeParse(listText).data ?? parseListLabel(listText);
    if (!list) throw invalidField('list', `无法识别的清单类别“${listText}”`, `Unknown list "${listText}"`);
    form.list = list;
  }
  return form;
}

interface LedgerRouteOptions {
  /** Registered under the old path (/api/ledger/*): the same handler, marked as an alias. */
  alias?: boolean;
}

const aliasNote = (alias: boolean | undefined, path: string) => (alias ? `（旧路径，同 ${path}）` : '');

/** POST /api/tasks/import, and its alias POST /api/ledger/import. */
export const ledgerImportRoute: FastifyPluginAsyncZod<LedgerRouteOptions> = async (app, options) => {
  app.post(
    '/import',
    {
      config: { permission: 'ledger:import' },
      schema: {
        tags: ['ledger'],
        summary: `台账导入（multipart：file 为 .xlsx；可选 mapping、list；dryRun=true 只检查不写入）${aliasNote(options.alias, '/api/tasks/import')}`,
        consumes: ['multipart/form-data'],
        querystring: ZLedgerImportQuery,
        response: {
          200: z.union([ZLedgerCheckResult, ZLedgerImportResult]),
          // Problems in rows: the check result; a workbook with too many rows, cells or texts: an error body.
          422: z.union([ZLedgerCheckResult, ZErrorBody]),
          413: ZErrorBody,
          415: ZErrorBody,
          503: ZErrorBody,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const form = await readForm(request);
      const outcome = await importLedger(ctx, {
        file: form.file,
        mapping: form.mapping,
        defaultList: form.list,
        dryRun: request.query.dryRun === 'true',
      });
      return reply.status(outcome.kind === 'rejected' ? 422 : 200).send(outcome.result);
    },
  );
};

/** GET /api/tasks/export.xlsx, and its alias GET /api/ledger/export.xlsx. */
export const ledgerExportRoute: FastifyPluginAsyncZod<LedgerRouteOptions> = async (app, options) => {
  app.get(
    '/export.xlsx',
    {
      config: { permission: 'ledger:export' },
      schema: {
        tags: ['ledger'],
        summary: `台账导出（筛选条件同任务清单，导出范围内全部任务）${aliasNote(options.alias, '/api/tasks/export.xlsx')}`,
        querystring: ZLedgerExportQuery,
        produces: xlsxResponse.produces,
        response: { 200: xlsxResponse.ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      return sendXlsx(reply, await exportLedger(contextOf(request), request.query));
    },
  );
};

/** /api/ledger/*: the old paths of the ledger, kept as aliases of /api/tasks/import and /api/tasks/export.xlsx. */
const ledger: FastifyPluginAsyncZod = async (app) => {
  await app.register(ledgerImportRoute, { alias: true });
  await app.register(ledgerExportRoute, { alias: true });
};
export default ledger;
