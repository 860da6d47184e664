import type { Database } from '@reform/db';

type Queryable = { query: (...args: unknown[]) => unknown };
let statements = 0;
const patched = new WeakSet<Queryable>();

/**
 * Counts the SQL statements a piece of work sends to the database, at the pg driver under
 * Prisma's adapter (Prisma's own query events would count a nested `include` as one query).
 */
export async function statementsDuring(db: Database, work: () => Promise<unknown>): Promise<number> {
  const client = await db.pool.connect();
  const proto = Object.getPrototypeOf(client) as Queryable;
  client.release();
  if (!patched.has(proto)) {
    const query = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements += 1;
      return query.apply(this, args);
    };
    patched.add(proto);
  }
  const before = statements;
  await work();
  return statements - before;
}
