import { migrate } from '@reform/db';
import { todayInShanghai } from '@reform/domain';
import { seedScale } from '@reform/seeds';
import { clockFromEnv, openDatabaseFromEnv } from '../database.ts';
import { readEnv } from '../env.ts';
import { refreshSearchTerms } from '../modules/search/refresh-search-terms.ts';

// pnpm seed:scale 100000 — fills an empty database with that many tasks for benchmarks.
const tasks = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(tasks) || tasks < 1) {
  console.error('用法 / usage: pnpm seed:scale <任务数 / number of tasks>');
  process.exit(2);
}
const env = readEnv();
const db = await openDatabaseFromEnv(env);
try {
  await migrate(db);
  const started = Date.now();
  const summary = await seedScale(db.prisma, {
    tasks,
    today: todayInShanghai(clockFromEnv(env)()),
    onProgress: (done, total) => process.stdout.write(`\r${done}/${total}`),
  });
  console.log(`\n${JSON.stringify(summary)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Indexed now rather than by the server's first background sweep.
  const indexing = Date.now();
  const indexed = await refreshSearchTerms(db);
  console.log(`search terms of ${indexed} tasks computed in ${((Date.now() - indexing) / 1000).toFixed(1)} s`);
} finally {
  await db.close();
}
