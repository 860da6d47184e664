import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Hand-written SQL outside Prisma: one statement with `$1…` parameters, or a script without. */
export interface SqlRunner {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements separated by `;`, no parameters (a migration file). */
  exec(script: string): Promise<void>;
}

/** One database session held for a while: what a session-level advisory lock needs. */
export interface SqlSession extends SqlRunner {
  /** Commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Database extends SqlRunner {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /**
   * Runs `work` on one session. On PostgreSQL that is a pooled connection kept for the
   * callback; the embedded database has only one session, so it is that one.
   */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** The embedded database's files as one tar (tests copy a seeded database this way). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; without it the embedded database is used. */
  url?: string | undefined;
  /** Folder of the embedded database; without it the database lives in memory (tests). */
  dataDir?: string | undefined;
  /** Connections to PostgreSQL per process. The embedded database always has one session. */
  poolSize?: number | undefined;
  /** Called with every SQL statement Prisma sends (tests count a write's statements with it). */
  onQuery?: ((event: Prisma.QueryEvent) => void) | undefined;
  /** Starts the embedded database from a tar made by `dumpDataDir` instead of an empty one. */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options.onQuery);
  return openEmbedded(options);
}

/**
 * A transaction waits for a free connection before it starts. Prisma gives up after 2 s by default,
 * which on the embedded database's one session turns a queue of short requests (20 sent at once)
 * into 500s; waiting costs nobody anything, so it may wait longer. Once started, a transaction
 * still has Prisma's 5 s to finish.
 */
const transactionOptions = { maxWait: 30_000 };

function prismaClient(adapter: PrismaPg | PrismaPGlite, onQuery: OpenDatabaseOptions['onQuery']): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const prisma = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', onQuery);
  return prisma;
}

function pgRunner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      return (await client.query<Row>(sql, params)).rows;
    },
    async exec(script: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(script);
    },
  };
}

function openPostgres(url: string, poolSize: number, onQuery: OpenDatabaseOptions['onQuery']): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const prisma = prismaClient(new PrismaPg(pool), onQuery);
  return {
    kind: 'postgres',
    prisma,
    ...pgRunner(pool),
    async session(work) {
      const client = await pool.connect();
      const runner = pgRunner(client);
      try {
        return await work({
          ...runner,
          async transaction(inner) {
            await client.query('BEGIN');
            try {
              const result = await inner(runner);
              await client.query('COMMIT');
              return result;
            } catch (error) {
              await client.query('ROLLBACK');
              throw error;
            }
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      // pg-pool's end() resolves before its connections have closed; one that fails while
      // closing is reported as a pool error, which nobody is left to handle.
      pool.on('error', () => {});
      await pool.end();
    },
  };
}

function pgliteRunner(client: PGlite | Transaction): SqlRunner {
  return {
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      return (await client.query<Row>(sql, params)).rows;
    },
    async exec(script: string) {
      await client.exec(script);
    },
  };
}

/**
 * PGlite runs inside this process and Prisma reaches it through an in-process driver
 * adapter: there is no port or socket, so no other process can open a session on it.
 * PGlite is one session: its statements queue behind each other, and while a transaction
 * is open every statement outside it waits for the transaction to end.
 */
async function openEmbedded({ dataDir, onQuery, loadDataDir }: OpenDatabaseOptions): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  // Migration 0002 creates the pg_trgm extension, so PGlite must offer it.
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const prisma = prismaClient(new PrismaPGlite(db), onQuery);
  return {
    kind: 'pglite',
    prisma,
    ...pgliteRunner(db),
    session(work) {
      return work({ ...pgliteRunner(db), transaction: (inner) => db.transaction((tx) => inner(pgliteRunner(tx))) });
    },
    dumpDataDir: () => db.dumpDataDir('none'),
    async close() {
      await prisma.$disconnect();
      await db.close();
      releaseLock();
    },
  };
}
