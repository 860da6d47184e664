import { migrate } from '@reform/db';
import { openDatabaseFromEnv } from '../database.ts';
import { readEnv } from '../env.ts';

const db = await openDatabaseFromEnv(readEnv());
try {
  const result = await migrate(db);
  console.log(
    result.applied.length
      ? `已应用迁移 / applied: ${result.applied.join(', ')}`
      : `数据库已是最新 / up to date (${result.latest})`,
  );
} finally {
  await db.close();
}
