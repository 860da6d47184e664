import { ledgerFieldLabels, type TaskList, type TLedgerCheckResult, type TLedgerImportResult, type TLedgerMapping } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { formatTaskCode, nextSequence } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { loadPlanningSettings, type PlanningSettings } from '../settings/load-planning-settings.ts';
import { allocateTaskCode, assertMayCreateTasks } from '../tasks/task-creation.ts';
import { checkLedger, type CheckedRow } from './check-ledger.ts';
import { findDuplicateTasks } from './duplicate-tasks.ts';
import { insertLedgerTasks } from './insert-ledger-tasks.ts';
import { readLedger } from './read-ledger.ts';

export interface LedgerImportInput {
  file: Buffer;
  mapping?: TLedgerMapping | undefined;
  defaultList?: TaskList | undefined;
  dryRun: boolean;
}

export type LedgerImportOutcome =
  | { kind: 'checked'; result: TLedgerCheckResult }
  | { kind: 'rejected'; result: TLedgerCheckResult }
  | { kind: 'imported'; result: TLedgerImportResult };

// A ledger of thousands of rows is one transaction; give it the time it needs.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
// Imports take turns from their duplicate check to their commit (see importLedger).
const IMPORT_LOCK = 'ledger-import';

/**
 * The codes for a ledger's rows, in row order. Each list and year is allocated through
 * allocateTaskCode once (which takes the code lock for the rest of the transaction) and the
 * following codes of that list and year continue its sequence, so codes stay gap-free and unique
 * without rereading every code of the year for every row.
 */
async function allocateCodes(tx: Prisma.TransactionClient, settings: PlanningSettings, rows: readonly CheckedRow[]): Promise<string[]> {
  const next = new Map<string, number>();
  const codes: string[] = [];
  for (const { body } of rows) {
    const key = `${body.list}:${body.year}`;
    const parts = { list: body.list, year: body.year };
    let seq = next.get(key);
    let code: string;
    if (seq === undefined) {
      code = await allocateTaskCode(tx, settings, body.list, body.year);
      seq = nextSequence([code], settings.codePattern, parts, settings.listPrefixes);
    } else {
      code = formatTaskCode(settings.codePattern, { ...parts, seq }, settings.listPrefixes);
      seq++;
    }
    next.set(key, seq);
    codes.push(code);
  }
  return codes;
}

/**
 * 台账导入: reads an .xlsx ledger (in the workbook pool, off the request thread) and checks every
 * row. A dry run answers what was found; a real import writes nothing when any row has a problem
 * (422), else creates every task in one transaction, all or nothing (codes through
 * allocateTaskCode, rows in chunks through insertLedgerTasks). Two imports of the same ledger at
 * once must not both pass the duplicate check, so inside the transaction each takes the import
 * lock and checks for duplicates again before writing. A column mapping sent with a successful
 * import is remembered for ledgers with the same header row.
 */
export async function importLedger(ctx: UseCaseContext, input: LedgerImportInput): Promise<LedgerImportOutcome> {
  assertMayCreateTasks(ctx);
  const sheet = await readLedger(input.file);
  const settings = await loadPlanningSettings(ctx.db);
  const check = await checkLedger(ctx, { sheet, mapping: input.mapping, defaultList: input.defaultList, settings });
  const result: TLedgerCheckResult = { total: check.total, valid: check.valid, errors: check.errors, warnings: check.warnings, columns: check.columns };
  if (input.dryRun) return { kind: 'checked', result };
  if (check.errors.length > 0) return { kind: 'rejected', result };
  const titleColumn = check.columns.find((column) => column.field === 'title')?.header || ledgerFieldLabels.title;

  return ctx.db.prisma.$transaction(
    async (tx): Promise<LedgerImportOutcome> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${IMPORT_LOCK}))`;
      const rows = check.rows.map(({ rowNumber, body }) => ({ rowNumber, list: body.list, title: body.title }));
      const duplicates = await findDuplicateTasks(tx, ctx.user, rows);
      if (duplicates.size > 0) {
        const errors = [...duplicates].map(([row, message]) => ({ row, column: titleColumn, message }));
        return { kind: 'rejected', result: { ...result, valid: check.valid - duplicates.size, errors } };
      }
      const codes = await allocateCodes(tx, settings, check.rows);
      await insertLedgerTasks(tx, ctx, check.rows.map((row, i) => ({ body: row.body, code: codes[i]! })));
      if (input.mapping && Object.keys(input.mapping).length > 0) {
        const mapping = { ...check.savedMapping, ...input.mapping };
        await tx.ledgerLayout.upsert({
          where: { headerKey: check.headerKey },
          create: { headerKey: check.headerKey, mapping, updatedById: ctx.user.id },
          update: { mapping, updatedById: ctx.user.id, version: { increment: 1 } },
        });
      }
      return { kind: 'imported', result: { imported: codes.length, codes } };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
}
