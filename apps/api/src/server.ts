import { join, resolve } from 'node:path';
import { migrate } from '@reform/db';
import { todayInShanghai } from '@reform/domain';
import { seedDemo } from '@reform/seeds';
import { buildApp } from './app.ts';
import { clockFromEnv, openDatabaseFromEnv } from './database.ts';
import { readEnv } from './env.ts';
import { channelsFromEnv } from './modules/reminders/channels.ts';

const env = readEnv();
const clock = clockFromEnv(env);
const db = await openDatabaseFromEnv(env);
const migration = await migrate(db);

// The embedded database is a demonstration out of the box: it gets the demo data on its
// first start. A PostgreSQL database never does (pnpm db:seed loads it on request).
if (db.kind === 'pglite' && (await db.prisma.unit.count()) === 0) {
  const summary = await seedDemo(db.prisma, { today: todayInShanghai(clock()) });
  console.log(`已载入演示数据 / demo data loaded: ${JSON.stringify(summary)}`);
}

const app = await buildApp({
  db,
  filesDir: env.FILES_DIR ?? join(env.DATA_DIR, 'files'),
  sessionTtlHours: env.SESSION_TTL_HOURS,
  cookieSecure: env.COOKIE_SECURE,
  webDist: resolve(import.meta.dirname, '../../web/dist'),
  clock,
  backgroundSweep: true,
  reminderChannels: channelsFromEnv(env),
  logger: { level: env.LOG_LEVEL },
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: env.HOST, port: env.PORT });
const shownHost = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
console.log(
  `改革任务全周期管理系统已启动 / ready: http://${shownHost}:${env.PORT}  ` +
    `(${db.kind === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL'}, migration ${migration.latest})`,
);
