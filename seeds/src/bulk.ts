import type { PrismaClient } from '@reform/db';

/**
 * Multi-row INSERT through one statement per chunk: every column travels as one text[]
 * parameter and is unnested and cast on the server. On the embedded database this is about
 * ten times faster than `createMany` (which sends one bound parameter per cell).
 */
export interface Column {
  name: string;
  /** The SQL type to cast to: int, text, date, timestamptz, numeric, text[], "TaskList", ... */
  type: string;
}

export type Cell = string | number | boolean | null | undefined | readonly string[];

export const DEFAULT_CHUNK = 5_000;

function toText(value: Cell): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return pgArrayLiteral(value as readonly string[]);
  return String(value);
}

/** `{"a","b"}`: a PostgreSQL array literal of strings. */
export function pgArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function insertSql(table: string, columns: readonly Column[]): string {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const selects = columns.map((c, i) => `c${i}::${c.type}`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  return `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS t(${aliases.join(', ')})`;
}

function paramsOf(columns: readonly Column[], slice: readonly (readonly Cell[])[]): Array<Array<string | null>> {
  return columns.map((_, i) => slice.map((row) => toText(row[i])));
}

export async function bulkInsert(
  prisma: PrismaClient,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  chunk = DEFAULT_CHUNK,
): Promise<number> {
  if (rows.length === 0) return 0;
  const sql = insertSql(table, columns);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    inserted += await prisma.$executeRawUnsafe(sql, ...paramsOf(columns, slice));
  }
  return inserted;
}

/** The same, returning the given columns of the inserted rows (e.g. `id, code`). */
export async function bulkInsertReturning<T>(
  prisma: PrismaClient,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  returning: string,
  chunk = DEFAULT_CHUNK,
): Promise<T[]> {
  const sql = `${insertSql(table, columns)} RETURNING ${returning}`;
  const out: T[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    out.push(...(await prisma.$queryRawUnsafe<T[]>(sql, ...paramsOf(columns, rows.slice(start, start + chunk)))));
  }
  return out;
}
