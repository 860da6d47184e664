export { openDatabase, type Database, type DatabaseKind, type OpenDatabaseOptions, type SqlRunner, type SqlSession } from './connect.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { migrate, latestAppliedMigration, defaultMigrationsDir, MigrationError, type MigrationResult } from './migrate.ts';
export { PrismaClient, Prisma } from '../generated/prisma/client.ts';
export * from '../generated/prisma/enums.ts';
export type * from '../generated/prisma/models.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { bulkInsert, bulkInsertReturning, pgArrayLiteral, DEFAULT_BULK_CHUNK, type BulkCell, type BulkClient, type BulkColumn, type BulkOptions } from './bulk-insert.ts';
