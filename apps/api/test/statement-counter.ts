import pg from 'pg';

export interface Statement {
  text: string;
  values?: unknown[] | undefined;
}

/**
 * The SQL statements sent to the database while `run` executes, captured at the driver: every
 * statement Prisma, a raw query or the pool sends, BEGIN and COMMIT included, on both databases,
 * with its parameters (so a benchmark can replay them). Nothing else may query meanwhile.
 */
export async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  const statements: Statement[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') statements.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else statements.push({ text: (first as Statement).text, values: (first as Statement).values });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await run(), statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}
