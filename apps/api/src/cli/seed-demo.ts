import { migrate } from '@reform/db';
import { todayInShanghai } from '@reform/domain';
import { seedDemo } from '@reform/seeds';
import { clockFromEnv, openDatabaseFromEnv } from '../database.ts';
import { readEnv } from '../env.ts';

// Loads the demo city into an empty database (refuses one that already has data).
const env = readEnv();
const db = await openDatabaseFromEnv(env);
try {
  await migrate(db);
  const summary = await seedDemo(db.prisma, { today: todayInShanghai(clockFromEnv(env)()) });
  console.log(`已载入演示数据 / demo data loaded: ${JSON.stringify(summary)}`);
} finally {
  await db.close();
}
