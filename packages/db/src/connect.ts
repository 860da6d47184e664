import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw pool for migrations and the few hand-written queries. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; without it the embedded database is used. */
  url?: string | undefined;
  /** Folder of the embedded database; without it the database lives in memory (tests). */
  dataDir?: string | undefined;
  /** Connections to PostgreSQL per process. The embedded database always gets one. */
  poolSize?: number | undefined;
  /** Called with every SQL statement Prisma sends (tests count a write's statements with it). */
  onQuery?: ((event: Prisma.QueryEvent) => void) | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options.onQuery);
  return openEmbedded(options.dataDir, options.onQuery);
}

/**
 * A transaction waits for a free connection before it starts. Prisma gives up after 2 s by default,
 * which on the embedded database's one connection turns a queue of short requests (20 sent at once)
 * into 500s; waiting costs nobody anything, so it may wait longer. Once started, a transaction
 * still has Prisma's 5 s to finish.
 */
const transactionOptions = { maxWait: 30_000 };

function prismaClient(pool: pg.Pool, onQuery: OpenDatabaseOptions['onQuery']): PrismaClient {
  const adapter = new PrismaPg(pool);
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const prisma = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', onQuery);
  return prisma;
}

function openPostgres(url: string, poolSize: number, onQuery: OpenDatabaseOptions['onQuery']): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const prisma = prismaClient(pool, onQuery);
  return {
    kind: 'postgres',
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string | undefined, onQuery: OpenDatabaseOptions['onQuery']): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  // Migration 0002 creates the pg_trgm extension, so PGlite must offer it.
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm } });
  // Prisma speaks the PostgreSQL wire protocol, so the embedded database is served on
  // a loopback port. PGlite is a single session: exactly one connection, never more.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const pool = new pg.Pool({ connectionString: `postgresql://postgres@${server.getServerConn()}/postgres`, max: 1 });
  const prisma = prismaClient(pool, onQuery);
  return {
    kind: 'pglite',
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
