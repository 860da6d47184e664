import type { TOutcomeEdit, TSourceDocumentEdit } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { AppError, AppErrorCode, errorText, type FieldProblem } from '../../errors.ts';
import { dateColumn } from '@reform/domain';
import { outcomeOf, sourceDocumentOf, type DetailRow } from './task-dto.ts';

type ListField = 'outcomes' | 'sourceDocuments';

const rowNames: Record<ListField, { zh: string; en: string }> = {
  outcomes: { zh: '该成果', en: 'The outcome' },
  sourceDocuments: { zh: '该依据文件', en: 'The source document' },
};

/**
 * The ids an edit sends back must be rows of this task, each once; anything else is a stale or
 * forged form, answered at the row (e.g. `outcomes.1.id`) before anything is written.
 */
export function checkRowIds(task: DetailRow, body: Partial<Record<ListField, { id?: number | undefined }[]>>): void {
  const problems: FieldProblem[] = [];
  for (const field of ['outcomes', 'sourceDocuments'] as const) {
    const own = new Set(task[field].map((row) => row.id));
    const seen = new Set<number>();
    body[field]?.forEach((row, index) => {
      if (row.id === undefined) return;
      const name = rowNames[field];
      if (!own.has(row.id)) {
        problems.push({ path: `${field}.${index}.id`, message: { zh: `${name.zh}不属于此任务，请刷新后重试`, en: `${name.en} is not part of this task; reload and try again` } });
      } else if (seen.has(row.id)) {
        problems.push({ path: `${field}.${index}.id`, message: { zh: `${name.zh}重复出现`, en: `${name.en} appears twice` } });
      }
      seen.add(row.id);
    });
  }
  if (problems.length > 0) throw new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: problems });
}

interface RowStore<Data> {
  deleteAllBut(ids: number[]): Promise<unknown>;
  update(id: number, data: Data): Promise<unknown>;
  create(data: Data[]): Promise<unknown>;
}

/**
 * Replaces a task's list with the rows sent: a row with an id keeps it (and is written only if it
 * changed), a row without one is added, a row not sent is deleted.
 */
async function replaceRows<Row extends { id?: number | undefined }, Data>(
  rows: readonly Row[],
  before: readonly ({ id: number } & Record<string, unknown>)[],
  toData: (row: Row) => Data,
  store: RowStore<Data>,
): Promise<void> {
  const stored = new Map(before.map((row) => [row.id, row]));
  const changed = (row: Row & { id: number }) => {
    const old = stored.get(row.id);
    return !old || Object.keys(old).some((key) => old[key] !== (row as Record<string, unknown>)[key]);
  };
  const kept = rows.filter((row): row is Row & { id: number } => row.id !== undefined);
  await store.deleteAllBut(kept.map((row) => row.id));
  for (const row of kept.filter(changed)) await store.update(row.id, toData(row));
  const added = rows.filter((row) => row.id === undefined).map(toData);
  if (added.length > 0) await store.create(added);
}

export async function replaceOutcomes(tx: Prisma.TransactionClient, task: DetailRow, rows: readonly TOutcomeEdit[]): Promise<void> {
  const taskId = task.id;
  await replaceRows(rows, task.outcomes.map(outcomeOf), ({ id: _id, ...data }) => data, {
    deleteAllBut: (ids) => tx.taskOutcome.deleteMany({ where: { taskId, id: { notIn: ids } } }),
    update: (id, data) => tx.taskOutcome.update({ where: { id, taskId }, data: { ...data, version: { increment: 1 } } }),
    create: (data) => tx.taskOutcome.createMany({ data: data.map((row) => ({ ...row, taskId })) }),
  });
}

export async function replaceSourceDocuments(
  tx: Prisma.TransactionClient,
  task: DetailRow,
  rows: readonly TSourceDocumentEdit[],
): Promise<void> {
  const taskId = task.id;
  const toData = ({ id: _id, issuedOn, ...rest }: TSourceDocumentEdit) => ({ ...rest, issuedOn: issuedOn ? dateColumn(issuedOn) : null });
  await replaceRows(rows, task.sourceDocuments.map(sourceDocumentOf), toData, {
    deleteAllBut: (ids) => tx.taskSourceDocument.deleteMany({ where: { taskId, id: { notIn: ids } } }),
    update: (id, data) => tx.taskSourceDocument.update({ where: { id, taskId }, data }),
    create: (data) => tx.taskSourceDocument.createMany({ data: data.map((row) => ({ ...row, taskId })) }),
  });
}
