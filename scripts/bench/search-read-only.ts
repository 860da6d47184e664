// Keyword search on a shared, filled database that must not be written to (see search.ts): the
// search use case with the task list's loader beside its floor, the same search written by hand
// and sent through `pg` on one session in one transaction: the count (task_search alone, through
// the GIN index: one row per task) and page 1 (20 rows joined to the lead unit, in code order,
// the planner choosing how, kept off sequential scans).
import { arch, cpus, loadavg, totalmem } from 'node:os';
import type { Database } from '../../packages/db/src/index.ts';
import { searchQueryTerms } from '../../packages/domain/src/index.ts';
import type { SessionUser } from '../../apps/api/src/access/session-user.ts';
import { searchTasks } from '../../apps/api/src/modules/search/search-tasks.ts';
import { taskListSelect, toListItem } from '../../apps/api/src/modules/tasks/task-dto.ts';
import { RUNS, timed } from './timing.ts';

const QUERIES = (process.env.BENCH_QUERIES ?? '科技金融,营商环境改革,科技,数字,改革,数字化改革').split(',');
const CONCURRENCY = 10;

/** The floor: the count and page 1 of a search, by hand, on one session in one transaction. */
export function searchFloor(db: Database, terms: string[]) {
  return db.session((session) =>
    session.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SELECT count(*) FROM task_search WHERE terms @> $1', [terms]);
      await tx.query(
        `SELECT t.id, t.code, t.title, t.list, t.status, t.light, t.deadline, t.progress, u.id AS unit_id, u.name AS unit_name
         FROM task t JOIN unit u ON u.id = t.lead_unit_id
         WHERE EXISTS (SELECT 1 FROM task_search s WHERE s.task_id = t.id AND s.terms @> $1) ORDER BY t.code LIMIT 20`,
        [terms],
      );
    }),
  );
}

export async function readOnlyBench(db: Database): Promise<void> {
  // The city reform office: its scope is every task, so only the keyword filters.
  const [admin] = await db.prisma.$queryRaw<{ id: number; unit_id: number; name: string; kind: SessionUser['unit']['kind']; path: string }[]>`
    SELECT u.id, un.id AS unit_id, un.name, un.kind::text AS kind, un.path FROM app_user u JOIN unit un ON un.id = u.unit_id WHERE u.username = 'admin'`;
  const user: SessionUser = {
    id: admin!.id,
    username: 'admin',
    displayName: 'admin',
    role: 'admin',
    unit: { id: admin!.unit_id, name: admin!.name, kind: admin!.kind, path: admin!.path },
    scopePath: admin!.path,
    scopeUnitIds: [],
  };
  const ctx = { db, user, today: new Date().toISOString().slice(0, 10), requestId: 'bench' };
  const useCase = (q: string) =>
    searchTasks(ctx, q, { AND: [{}] }, { skip: 0, take: 20 }, async (client, where, skip, take) =>
      (await client.task.findMany({ relationLoadStrategy: 'join', where, select: taskListSelect, orderBy: [{ code: 'asc' }], skip, take })).map(
        toListItem,
      ),
    );
  const floor = (terms: string[]) => searchFloor(db, terms);
  const parallel = (run: () => Promise<unknown>) => timed(() => Promise.all(Array.from({ length: CONCURRENCY }, run)));

  const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM task'))[0]!.n;
  console.log(`\nPostgreSQL, ${total} tasks, read only, ${RUNS} runs per figure after 3 warm-up runs`);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log('| query | matching tasks | use case p50 / p95 ms | floor p50 / p95 ms | 10 at once, until all answer: use case p50 / p95 | floor p50 / p95 |');
  console.log('|---|---|---|---|---|---|');
  for (const q of QUERIES) {
    const terms = searchQueryTerms(q);
    const matched = (await useCase(q)).total;
    const one = await timed(() => useCase(q));
    const bare = await timed(() => floor(terms));
    const many = await parallel(() => useCase(q));
    const manyBare = await parallel(() => floor(terms));
    const f = (p: { p50: number; p95: number }) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)}`;
    console.log(`| ${q} | ${matched} | ${f(one)} | ${f(bare)} | ${f(many)} | ${f(manyBare)} |`);
  }
  console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
