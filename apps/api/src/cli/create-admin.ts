import { parseArgs } from 'node:util';
import { migrate } from '@reform/db';
import { createAdmin } from '@reform/seeds';
import { openDatabaseFromEnv } from '../database.ts';
import { readEnv } from '../env.ts';

// pnpm db:create-admin --username li.ming --name 李明   (the password is read from ADMIN_PASSWORD or asked for)
const { values } = parseArgs({
  options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
if (!values.username || !values.name) {
  console.error('用法 / usage: pnpm db:create-admin --username <用户名> --name <姓名> [--password <密码>]');
  process.exit(2);
}
const password = values.password ?? process.env.ADMIN_PASSWORD;
if (!password || password.length < 10) {
  console.error('请用 --password 或环境变量 ADMIN_PASSWORD 提供至少 10 位的密码 / a password of at least 10 characters is required');
  process.exit(2);
}
const db = await openDatabaseFromEnv(readEnv());
try {
  await migrate(db);
  await createAdmin(db.prisma, { username: values.username, password, displayName: values.name });
  console.log(`已创建市委改革办管理员 ${values.username} / admin created`);
} catch (error) {
  // A refusal (the username exists, a weak password) is a message for the operator, not a crash.
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
