import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The one bulk writer: a multi-row INSERT through one statement per chunk, every column sent as
 * one text[] parameter and unnested and cast on the server. Prisma's createMany binds one
 * parameter per cell and costs about ten times as much on the embedded database. Between chunks
 * the event loop gets a turn, so a long write never starves other requests' callbacks.
 */
export interface BulkColumn {
  name: string;
  /** The SQL type to cast to: int, text, date, timestamptz, jsonb, text[], "TaskList", ... */
  type: string;
}

export type BulkCell = string | number | boolean | null | undefined | readonly string[];

/** What a bulk write needs of a client: a PrismaClient or a transaction's client. */
export interface BulkClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

export interface BulkOptions {
  /** Rows per statement. */
  chunk?: number | undefined;
}

export const DEFAULT_BULK_CHUNK = 5_000;

/** `{"a","b"}`: a PostgreSQL array literal of strings. */
export function pgArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function toText(value: BulkCell): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return pgArrayLiteral(value as readonly string[]);
  return String(value);
}

function insertSql(table: string, columns: readonly BulkColumn[]): string {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const selects = columns.map((c, i) => `c${i}::${c.type}`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  return `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS t(${aliases})`;
}

function paramsOf(columns: readonly BulkColumn[], rows: readonly (readonly BulkCell[])[]): (string | null)[][] {
  return columns.map((_, i) => rows.map((row) => toText(row[i])));
}

async function inChunks<T>(
  rows: readonly (readonly BulkCell[])[],
  chunk: number,
  write: (slice: readonly (readonly BulkCell[])[]) => PromiseLike<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    if (start > 0) await nextTurn();
    results.push(await write(rows.slice(start, start + chunk)));
  }
  return results;
}

/** Inserts the rows (cells in the order of `columns`); answers how many were written. */
export async function bulkInsert(
  client: BulkClient,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly BulkCell[])[],
  options: BulkOptions = {},
): Promise<number> {
  const sql = insertSql(table, columns);
  const counts = await inChunks(rows, options.chunk ?? DEFAULT_BULK_CHUNK, (slice) => client.$executeRawUnsafe(sql, ...paramsOf(columns, slice)));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** The same, answering the `returning` columns of the inserted rows (e.g. `id, code`), in chunk order. */
export async function bulkInsertReturning<T>(
  client: BulkClient,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly BulkCell[])[],
  returning: string,
  options: BulkOptions = {},
): Promise<T[]> {
  const sql = `${insertSql(table, columns)} RETURNING ${returning}`;
  const chunks = await inChunks(rows, options.chunk ?? DEFAULT_BULK_CHUNK, (slice) => client.$queryRawUnsafe<T[]>(sql, ...paramsOf(columns, slice)));
  return chunks.flat();
}
