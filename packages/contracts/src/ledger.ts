import { z } from 'zod';
import { ZTaskListQuery } from './tasks.ts';

/**
 * Columns of an Excel ledger (台账) that the importer can read. The same names as LedgerField in
 * @reform/domain (ledger-headers.ts); the API checks at compile time that the two agree.
 */
export const ledgerFields = [
  'seq',
  'code',
  'title',
  'list',
  'field',
  'objective',
  'expectedOutcome',
  'leadUnit',
  'leadLeader',
  'cooperatingUnits',
  'deadline',
  'sourceDocument',
  'remarks',
] as const;
export const ZLedgerField = z.enum(ledgerFields);
export type TLedgerField = z.infer<typeof ZLedgerField>;

/** Chinese names of the fields, for the column-mapping drop-down. */
export const ledgerFieldLabels: Record<TLedgerField, string> = {
  seq: '序号',
  code: '任务编号',
  title: '改革任务',
  list: '清单类别',
  field: '领域',
  objective: '目标任务',
  expectedOutcome: '预期成果',
  leadUnit: '牵头单位',
  leadLeader: '领衔领导',
  cooperatingUnits: '配合单位',
  deadline: '完成时限',
  sourceDocument: '文件依据',
  remarks: '备注',
};

/**
 * Query string of POST /api/tasks/import (alias /api/ledger/import). dryRun=true checks the file
 * and answers what would be imported; without it (or false) a file without problems is imported,
 * all rows or none.
 */
export const ZLedgerImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional(),
});
export type TLedgerImportQuery = z.infer<typeof ZLedgerImportQuery>;

/**
 * The multipart field `mapping`: JSON `{ "<column index>": "<field>" | null }`, column index as in
 * `columns[].index` of a dry run (0 = column A). null ignores a column the recogniser guessed.
 */
export const ZLedgerMapping = z.record(z.string().regex(/^\d{1,3}$/, { error: '列序号应为数字' }), ZLedgerField.nullable());
export type TLedgerMapping = z.infer<typeof ZLedgerMapping>;

/** One problem of a ledger: the Excel row (as Excel numbers it), the column's header, a Chinese message. */
export const ZLedgerProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type TLedgerProblem = z.infer<typeof ZLedgerProblem>;

export const ZLedgerColumn = z.object({
  /** 0-based: column A is 0. The key to use in `mapping`. */
  index: z.number().int(),
  header: z.string(),
  field: ZLedgerField.nullable(),
});
export type TLedgerColumn = z.infer<typeof ZLedgerColumn>;

/** Answer of a dry run, and the body of a 422 when a real import finds problems (nothing written). */
export const ZLedgerCheckResult = z.object({
  /** Data rows read (empty and footer rows not counted). */
  total: z.number().int(),
  /** Rows without any problem (they may have warnings). */
  valid: z.number().int(),
  errors: z.array(ZLedgerProblem),
  /** Worth knowing, no reason to refuse: e.g. a deadline already passed (the task comes in red). */
  warnings: z.array(ZLedgerProblem),
  columns: z.array(ZLedgerColumn),
});
export type TLedgerCheckResult = z.infer<typeof ZLedgerCheckResult>;

export const ZLedgerImportResult = z.object({
  imported: z.number().int(),
  /** Codes of the new tasks, in the order of the ledger's rows. */
  codes: z.array(z.string()),
});
export type TLedgerImportResult = z.infer<typeof ZLedgerImportResult>;

/** GET /api/tasks/export.xlsx (alias /api/ledger/export.xlsx) takes the filters of GET /api/tasks and exports every matching task. */
export const ZLedgerExportQuery = ZTaskListQuery.omit({ page: true, pageSize: true });
export type TLedgerExportQuery = z.infer<typeof ZLedgerExportQuery>;

/** Header row of the exported ledger; every name is one the importer recognises or ignores. */
export const ledgerExportHeaders = [
  '序号',
  '任务编号',
  '清单类别',
  '改革任务',
  '领域',
  '牵头单位',
  '配合单位',
  '领衔领导',
  '完成时限',
  '目标任务',
  '状态',
  '状态灯',
  '进度（%）',
  '节点完成',
] as const;
